/** An area whose texts hold Markdown and table syntax: a pipe, a line break, asterisks, a backslash. */
export const TRICKY_AREA = `area: 2
title: 提升项目建设审批便利度
lead: [市审批局, 市住建局]
tasks:
  - id: "2.1"
    title: 深化工程建设项目审批制度改革
    text: 推行“多规合一”|“多图联审”。
    lead: 市住建局
    measures:
      - id: "2.1.1"
        title: 精简审批环节
        text: |-
          审批时限压缩至 80 个工作日 | 以内；
          第二行：**不是加粗**，路径 C:\\temp\\ 与 <b>标签</b>。
        deadline: 2020年6月底前
        units: [市住建局, 市审批局]
        status: 推进中
        progress: |-
          已完成 | 第一阶段
          正在推进第二阶段
        remark: "备注|含竖线"
`;

/** Area 3: one measure completed in July 2020, one in June, one due in August, one due soon (July). */
export const DONE_AREA = `area: 3
title: 推进纳税服务便利化
lead: [市税务局]
tasks:
  - id: "3.1"
    title: 压缩纳税时间
    text: 优化办税流程。
    measures:
      - id: "3.1.1"
        title: 推行电子发票
        text: 推行增值税电子发票。
        deadline: 2020年6月底前
        units: [市税务局]
        status: 已完成
        progress: 已全面推行。
        unit_reports:
          市税务局: { month: "2020-07", status: 已完成, progress: 已全面推行。, completed_on: "2020-07-10" }
      - id: "3.1.2"
        title: 简化申报
        text: 简并申报表。
        deadline: 2020年6月底前
        units: [市税务局]
        status: 已完成
        unit_reports:
          市税务局: { month: "2020-06", status: 已完成, progress: 已完成。, completed_on: "2020-06-20" }
      - id: "3.1.3"
        title: 社保费网上缴纳
        text: 实现社保费网上缴纳。
        deadline: 2020年8月底前
        units: [市人社局, 市税务局]
        status: 推进中
        progress: 系统联调中。
      - id: "3.1.4"
        title: 退税提速
        text: 压缩退税时间。
        deadline: 2020年7月底前
        units: [市财政局]
        status: 未启动
`;
