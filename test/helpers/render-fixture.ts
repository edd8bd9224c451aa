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
