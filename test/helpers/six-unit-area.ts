/**
 * A measure of six units (three directly, three through 各县区) where five reported 已完成 and
 * 星瀚集团 never reported — issue 12's “done when” ledger.
 */
export const SIX_UNIT_AREA = `area: 3
title: 优化市政设施接入服务
lead: [市住建局]
tasks:
  - id: "3.2"
    title: 优化供水供气接入
    text: 优化供水供气接入。
    measures:
      - id: "3.2.1"
        title: 压减接入时间
        text: 压减供水、供气接入时间。
        deadline: 2020年6月底前
        units: [市住建局, 市审批局, 星瀚集团, 各县区]
        status: 未启动
        progress: ""
        remark: ""
`;

/** Unit reports of the five finished units, as `ledger merge` writes them (indented for the measure). */
export const FIVE_DONE_REPORTS = ['市住建局', '市审批局', '大武口区', '惠农区', '平罗县']
  .map((unit) => `          ${unit}: { month: "2020-06", status: 已完成, progress: 已办结, completed_on: 2020-06-15 }`)
  .join('\n');

/** SIX_UNIT_AREA with the five reports merged (status stays 未启动: 星瀚集团 is open). */
export const SIX_UNIT_AREA_REPORTED = SIX_UNIT_AREA.replace(
  '        remark: ""\n',
  `        remark: ""\n        unit_reports:\n${FIVE_DONE_REPORTS}\n`,
);
