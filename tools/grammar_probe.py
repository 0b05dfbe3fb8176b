"""Probe of the facts grammar (issue 17, items 4-7): one sentence per construction, run through
`ipextract.facts.extract` with a fixed reference day, compared with what CONVENTIONS.md says.

Run `python tools/grammar_probe.py [-v] [--numerals]`: prints the pass rate per group (numbers,
qualifiers, periods, relative) and, with -v, every failing case with what came out; --numerals
also reads a table of bare numerals with numerals.py and, when it is installed, with cn2an. The sentences are
written for this probe, not taken from any peer's test suite (those measure the work from
outside). Expected facts give only the fields the case is about; a number or qualifier case
also fails on any extra fact, a period case only looks at the facts it names.
"""

from __future__ import annotations

import datetime as dt
import sys

from ipextract.facts import extract

#: A Wednesday: 本周 is 2020-05-04/2020-05-10.
REF = dt.date(2020, 5, 6)

# (group, sentence, [expected fact fields][, extract keywords]); an empty list means "no fact".
CASES: list[tuple] = [
    # -- numbers: mixed digits and numerals at every magnitude
    ("numbers", "全县完成投资3万2千5百元。", [dict(value=32500, unit="元")]),
    ("numbers", "项目获得资金2亿3万元。", [dict(value=200030000, unit="元")]),
    ("numbers", "全年营收1亿2千万元。", [dict(value=120000000, unit="元")]),
    ("numbers", "常住人口3千2百万人。", [dict(value=32000000, unit="人")]),
    ("numbers", "累计发放5千元。", [dict(value=5000, unit="元")]),
    ("numbers", "共接待游客12万3千人次。", [dict(value=123000, unit="人次")]),
    # financial numerals, 圆/整
    ("numbers", "捐款壹万贰仟叁佰圆整。", [dict(value=12300, unit="元")]),
    ("numbers", "支付叁仟伍佰元整。", [dict(value=3500, unit="元")]),
    ("numbers", "金额为陆佰柒拾捌元伍角。", [dict(value=678.5, unit="元")]),
    ("numbers", "合计人民币贰拾万元整。", [dict(value=200000, unit="元")]),
    ("numbers", "报销玖佰圆。", [dict(value=900, unit="元")]),
    # decimals in numerals, 零 in long numerals
    ("numbers", "利率下调一点五个百分点。", [dict(value=1.5, unit="百分点")]),
    ("numbers", "增幅为百分之三点五。", [dict(value=3.5, unit="%")]),
    ("numbers", "资金总计一千零五十万元。", [dict(value=10500000, unit="元")]),
    ("numbers", "投入一亿零三百万元。", [dict(value=103000000, unit="元")]),
    ("numbers", "参赛选手两千零五十人。", [dict(value=2050, unit="人")]),
    ("numbers", "募集善款十万零五百元。", [dict(value=100500, unit="元")]),
    ("numbers", "共有一万零八人报名。", [dict(value=10008, unit="人")]),
    ("numbers", "产量达三点二亿吨。", [dict(value=320000000, unit="吨")]),
    # 角/分/毛/块
    ("numbers", "车票每张12元5角。", [dict(value=12.5, unit="元")]),
    ("numbers", "单价为3元2角5分。", [dict(value=3.25, unit="元")]),
    ("numbers", "鸡蛋卖到八块五毛。", [dict(value=8.5, unit="元")]),
    ("numbers", "每户补贴300块。", [dict(value=300, unit="元")]),
    ("numbers", "门票二十块钱。", [dict(value=20, unit="元")]),
    # full-width digits, points, signs and separators
    ("numbers", "同比增长１２．５％。", [dict(value=12.5, unit="%")]),
    ("numbers", "完成投资３５００万元。", [dict(value=35000000, unit="元")]),
    ("numbers", "营收１，２３４，５６７．８９元。", [dict(value=1234567.89, unit="元")]),
    ("numbers", "全年收入123，456.50元。", [dict(value=123456.5, unit="元")]),
    ("numbers", "合同金额12,345,678元。", [dict(value=12345678, unit="元")]),
    ("numbers", "利润增长－２．３％。", [dict(value=-2.3, unit="%", change=None)]),
    ("numbers", "出口增长-0.8%。", [dict(value=-0.8, unit="%", change=None)]),
    ("numbers", "进口下降4.1%。", [dict(value=4.1, unit="%", change="decrease")]),
    # 三个亿, 翻番
    ("numbers", "项目总投资三个亿。", [dict(value=300000000, unit="元")]),
    ("numbers", "融资十二个亿。", [dict(value=1200000000, unit="元")]),
    ("numbers", "到2025年产值翻一番。", [dict(value=2, unit="倍")]),
    ("numbers", "十年间收入翻了两番。", [dict(value=4, unit="倍")]),
    # approximate ranges and vague amounts
    ("numbers", "吸引五六百家企业参展。", [dict(value=500, value_max=600, unit="家", qualifier="approx")]),
    ("numbers", "需要七八千万元资金。", [dict(value=7e7, value_max=8e7, unit="元", qualifier="approx")]),
    ("numbers", "来了三四十人。", [dict(value=30, value_max=40, unit="人", qualifier="approx")]),
    ("numbers", "新建十几个站点。", [dict(value=11, value_max=19, unit="个", qualifier="approx")]),
    ("numbers", "吸引几十万游客。", [dict(value=200000, value_max=900000, qualifier="approx")]),
    ("numbers", "撬动数十亿元社会资本。", [dict(value=2e9, value_max=9e9, unit="元", qualifier="approx")]),
    ("numbers", "带动几百户农民增收。", [dict(value=200, value_max=900, unit="户", qualifier="approx")]),
    ("numbers", "投入数百万元。", [dict(value=2e6, value_max=9e6, unit="元", qualifier="approx")]),
    ("numbers", "损失达数千万元。", [dict(value=2e7, value_max=9e7, unit="元", qualifier="approx")]),
    # ranges with the magnitude once
    ("numbers", "每户补助十八至三十万元。", [dict(value=180000, value_max=300000, unit="元")]),
    ("numbers", "单价在3到5万元之间。", [dict(value=30000, value_max=50000, unit="元")]),
    ("numbers", "规模为5~8亿元。", [dict(value=5e8, value_max=8e8, unit="元")]),
    ("numbers", "招收200-300名学生。", [dict(value=200, value_max=300, unit="名")]),
    ("numbers", "增长百分之五到百分之八。", [dict(value=5, value_max=8, unit="%")]),
    ("numbers", "增长5%-8%。", [dict(value=5, value_max=8, unit="%")]),
    # currencies before the number and aliases
    ("numbers", "募集港币三千万。", [dict(value=3e7, unit="港元")]),
    ("numbers", "售价新台币1200元。", [dict(value=1200, unit="新台币")]),
    ("numbers", "价值台币500万元。", [dict(value=5e6, unit="新台币")]),
    ("numbers", "耗资日币20亿。", [dict(value=2e9, unit="日元")]),
    ("numbers", "出口额美元3.5亿。", [dict(value=3.5e8, unit="美元")]),
    ("numbers", "投资欧元2000万。", [dict(value=2e7, unit="欧元")]),
    ("numbers", "获得美金500万。", [dict(value=5e6, unit="美元")]),
    ("numbers", "合计5000万港元。", [dict(value=5e7, unit="港元")]),
    ("numbers", "投资3亿人民币。", [dict(value=3e8, unit="元")]),
    ("numbers", "营收20亿日元。", [dict(value=2e9, unit="日元")]),
    ("numbers", "投资1.2亿英镑。", [dict(value=1.2e8, unit="英镑")]),
    ("numbers", "项目耗资RMB500万元。", [dict(value=5e6, unit="元")]),
    # counted small numerals vs slogans and list labels
    ("numbers", "共有五家单位参与。", [dict(value=5, unit="家")]),
    ("numbers", "覆盖三个村。", [dict(value=3, unit="个")]),
    ("numbers", "选派六名干部驻村。", [dict(value=6, unit="名")]),
    ("numbers", "新增九台设备。", [dict(value=9, unit="台")]),
    ("numbers", "坚持两个确保。", []),
    ("numbers", "打好三大攻坚战。", []),
    ("numbers", "推进四个一批。", []),
    ("numbers", "从八个方面发力。", []),
    ("numbers", "落实两个维护。", []),
    ("numbers", "践行五大发展理念。", []),
    # shares
    ("numbers", "约三分之一的企业。", [dict(value=33.33, unit="%")]),
    ("numbers", "占比达到三成半。", [dict(value=35, unit="%")]),
    ("numbers", "不良率为3‰。", [dict(value=0.3, unit="%")]),
    ("numbers", "增长2.5倍。", [dict(value=2.5, unit="倍")]),
    # second round: forms found missing after the first fixes
    ("numbers", "投入两个多亿。", [dict(value=2e8, unit="元", qualifier="over")]),
    ("numbers", "百余家企业参展。", [dict(value=100, unit="家", qualifier="over")]),
    ("numbers", "千余人参加。", [dict(value=1000, unit="人", qualifier="over")]),
    ("numbers", "万余名群众观看。", [dict(value=10000, unit="名", qualifier="over")]),
    ("numbers", "三五十人。", []),
    ("numbers", "增长五个百分点。", [dict(value=5, unit="百分点")]),
    ("numbers", "票价十元。", [dict(value=10, unit="元")]),
    ("numbers", "一元复始。", []),
    ("numbers", "负增长2.1%。", [dict(value=2.1, unit="%", change="decrease")]),
    ("numbers", "每斤三块五。", [dict(value=3.5, unit="元")]),
    ("numbers", "涨到3块5。", [dict(value=3.5, unit="元")]),
    ("numbers", "月薪一万五。", [dict(value=15000, unit="元")]),
    ("numbers", "投入两亿五千万元。", [dict(value=2.5e8, unit="元")]),
    ("numbers", "共计捌拾捌万捌仟捌佰捌拾捌元整。", [dict(value=888888, unit="元")]),
    ("numbers", "投入2.5个亿。", [dict(value=2.5e8, unit="元")]),
    ("numbers", "人口一千三百多万。", [dict(value=1.3e7, unit="人", qualifier="over")]),
    ("numbers", "占比超三成。", [dict(value=30, unit="%", qualifier="over")]),
    ("numbers", "合计1,234.56万元。", [dict(value=12345600, unit="元")]),
    ("numbers", "融资5亿美金。", [dict(value=5e8, unit="美元")]),
    ("numbers", "成交额1.2万亿日元。", [dict(value=1.2e12, unit="日元")]),
    # third round: currency signs, 负, spoken vague forms
    ("numbers", "售价￥1200。", [dict(value=1200, unit="元")]),
    ("numbers", "筹款US$20万。", [dict(value=200000, unit="美元")]),
    ("numbers", "投资HK$5000万。", [dict(value=5e7, unit="港元")]),
    ("numbers", "收入RMB3000。", [dict(value=3000, unit="元")]),
    ("numbers", "增长负3.5%。", [dict(value=-3.5, unit="%", change=None)]),
    ("numbers", "投资几个亿。", [dict(value=2e8, value_max=9e8, unit="元", qualifier="approx")]),
    ("numbers", "建成十来个站点。", [dict(value=10, unit="个", qualifier="approx")]),
    ("numbers", "成千上万的群众。", []),
    ("numbers", "负债3亿元。", [dict(value=3e8, unit="元")]),
    # fourth round: more currencies, 角/分 after a numeral with 万
    ("numbers", "援助500澳币。", [dict(value=500, unit="澳元")]),
    ("numbers", "投资3000万韩币。", [dict(value=3e7, unit="韩元")]),
    ("numbers", "售价200美刀。", [dict(value=200, unit="美元")]),
    ("numbers", "出口额1.5亿加拿大元。", [dict(value=1.5e8, unit="加元")]),
    ("numbers", "融资8000万新加坡元。", [dict(value=8e7, unit="新加坡元")]),
    ("numbers", "合同额六十四万零一百四十三元一角七分。", [dict(value=640143.17, unit="元")]),
    ("numbers", "收费300元5分钟。", [dict(value=300, unit="元")]),
    ("numbers", "补助1万5000元。", [dict(value=15000, unit="元")]),
    ("numbers", "招收3万2000人。", [dict(value=32000, unit="人")]),
    ("numbers", "月薪5万5。", [dict(value=55000, unit="元")]),
    ("numbers", "投资12亿5千万。", [dict(value=1.25e9, unit="元")]),
    ("numbers", "成本降低两到三成。", [dict(value=20, value_max=30, unit="%")]),
    ("numbers", "每度电降低5分钱。", [dict(value=0.05, unit="元")]),
    ("numbers", "鸡蛋每斤涨了3毛。", [dict(value=0.3, unit="元")]),
    ("numbers", "占比两成多。", [dict(value=20, unit="%", qualifier="over")]),
    ("numbers", "占比二成五。", [dict(value=25, unit="%")]),
    ("numbers", "增长30%多。", [dict(value=30, unit="%", qualifier="over")]),
    ("numbers", "引进两三家企业。", [dict(value=2, value_max=3, unit="家", qualifier="approx")]),
    ("numbers", "覆盖七八个村。", [dict(value=7, value_max=8, unit="个", qualifier="approx")]),
    ("numbers", "从三四个方面推进。", []),
    # -- qualifiers
    ("qualifiers", "补助不低于500万元。", [dict(value=5e6, qualifier="over")]),
    ("qualifiers", "入驻企业不少于30家。", [dict(value=30, qualifier="over")]),
    ("qualifiers", "至少培训200人。", [dict(value=200, qualifier="over")]),
    ("qualifiers", "面积大于1000平方米。", [dict(value=1000, qualifier="over")]),
    ("qualifiers", "职工多于100人。", [dict(value=100, qualifier="over")]),
    ("qualifiers", "误差小于5%。", [dict(value=5, qualifier="under")]),
    ("qualifiers", "员工少于50人。", [dict(value=50, qualifier="under")]),
    ("qualifiers", "规模达100家以上。", [dict(value=100, qualifier="over")]),
    ("qualifiers", "年销售2000万元（含）以上。", [dict(value=2e7, qualifier="over")]),
    ("qualifiers", "年产值500万元(含)以上。", [dict(value=5e6, qualifier="over")]),
    ("qualifiers", "参观人数过万。", [dict(value=10000, qualifier="over")]),
    ("qualifiers", "日均客流过千人次。", [dict(value=1000, qualifier="over")]),
    ("qualifiers", "上千家企业参展。", [dict(value=1000, qualifier="approx")]),
    ("qualifiers", "近万名群众参与。", [dict(value=10000, qualifier="approx")]),
    ("qualifiers", "上万人次观看。", [dict(value=10000, qualifier="approx")]),
    ("qualifiers", "约占全市的30%。", [dict(value=30, qualifier="approx")]),
    ("qualifiers", "未满100人的企业。", [dict(value=100, qualifier="under")]),
    ("qualifiers", "每家最高可获50万元奖励。", [dict(value=5e5, qualifier="under")]),
    ("qualifiers", "单笔交易最高达50万元。", [dict(value=5e5, qualifier="exact")]),
    ("qualifiers", "每人最多补贴3000元。", [dict(value=3000, qualifier="under")]),
    ("qualifiers", "投资近20亿元。", [dict(value=2e9, qualifier="approx")]),
    ("qualifiers", "收入逾百亿元。", [dict(value=1e10, qualifier="over")]),
    ("qualifiers", "新增超过180家。", [dict(value=180, qualifier="over")]),
    ("qualifiers", "负债率不超过5%。", [dict(value=5, qualifier="under")]),
    ("qualifiers", "误差控制在3%以内。", [dict(value=3, qualifier="under")]),
    ("qualifiers", "降至2%以下。", [dict(value=2, qualifier="under")]),
    ("qualifiers", "增长8%左右。", [dict(value=8, qualifier="approx")]),
    ("qualifiers", "保持在6%上下。", [dict(value=6, qualifier="approx")]),
    ("qualifiers", "吸纳十余万人就业。", [dict(value=100000, qualifier="over")]),
    ("qualifiers", "预计完成投资80亿元。", [dict(value=8e9, qualifier="exact")]),
    ("qualifiers", "引进人才1.6万余人。", [dict(value=16000, qualifier="over")]),
    ("qualifiers", "资金缺口不足3亿元。", [dict(value=3e8, qualifier="under")]),
    ("qualifiers", "低于3%。", [dict(value=3, qualifier="under")]),
    ("qualifiers", "突破1000亿元。", [dict(value=1e11, qualifier="over")]),
    ("qualifiers", "全市共有医院45家。", [dict(value=45, qualifier="exact")]),
    ("qualifiers", "约有3000人参加。", [dict(value=3000, qualifier="approx")]),
    ("qualifiers", "高于全国平均水平2个百分点。", [dict(value=2, qualifier="exact")]),
    ("qualifiers", "每家最高奖励50万元。", [dict(value=5e5, qualifier="under")]),
    ("qualifiers", "补贴最高可达50万元。", [dict(value=5e5, qualifier="under")]),
    ("qualifiers", "股价最高达到50元。", [dict(value=50, qualifier="exact")]),
    ("qualifiers", "最高峰时3000人。", [dict(value=3000, qualifier="exact")]),
    ("qualifiers", "至多3000元。", [dict(value=3000, qualifier="under")]),
    ("qualifiers", "3000元封顶。", [dict(value=3000, qualifier="under")]),
    ("qualifiers", "高于3000人。", [dict(value=3000, qualifier="over")]),
    ("qualifiers", "近乎3000人。", [dict(value=3000, qualifier="approx")]),
    # -- periods (precision kept)
    ("periods", "二〇二〇年三月十五日，全市新增企业12家。", [dict(value=12, date="2020-03-15")]),
    ("periods", "2020年3月15号，全市新增企业12家。", [dict(value=12, date="2020-03-15")]),
    ("periods", "3月15号，全市新增企业12家。", [dict(value=12, date="2020-03-15")]),
    ("periods", "2019年9月上旬，共接待游客3万人次。", [dict(value=30000, date="2019-09-01/2019-09-10")]),
    ("periods", "2019年9月中旬，共接待游客3万人次。", [dict(value=30000, date="2019-09-11/2019-09-20")]),
    ("periods", "2020年2月下旬，共接待游客3万人次。", [dict(value=30000, date="2020-02-21/2020-02-29")]),
    ("periods", "2019年一至九月，全县财政收入8.7亿元。", [dict(value=8.7e8, date="2019-01/2019-09")]),
    ("periods", "2019年1-10月，全县财政收入8.7亿元。", [dict(value=8.7e8, date="2019-01/2019-10")]),
    ("periods", "2017—2019年，累计投入资金3亿元。", [dict(value=3e8, date="2017/2019")]),
    ("periods", "2017至2019年，累计投入资金3亿元。", [dict(value=3e8, date="2017/2019")]),
    ("periods", "2017年至2019年，累计投入资金3亿元。", [dict(value=3e8, date="2017/2019")]),
    ("periods", "15年3月，全市新增企业12家。", [dict(value=12, date="2015-03")]),
    ("periods", "九七年全县粮食产量12万吨。", [dict(value=120000, date="1997")]),
    ("periods", "二〇一九年全县粮食产量12万吨。", [dict(value=120000, date="2019")]),
    ("periods", "2019年末，全市户籍人口120万人。", [dict(value=1.2e6, date="2019-12")]),
    ("periods", "2019年第三季度，全市GDP增长6.1%。", [dict(value=6.1, date="2019-07/2019-09")]),
    ("periods", "2019年三季度，全市GDP增长6.1%。", [dict(value=6.1, date="2019-07/2019-09")]),
    ("periods", "2019年前三季度，全市GDP增长6.1%。", [dict(value=6.1, date="2019-01/2019-09")]),
    ("periods", "2019年上半年，全市GDP增长6.1%。", [dict(value=6.1, date="2019-01/2019-06")]),
    ("periods", "2019年12月31日，全市存款余额120亿元。", [dict(value=1.2e10, date="2019-12-31")]),
    ("periods", "截至2019年底，全市企业达12.4万家。", [dict(value=124000, date="2019-12")]),
    ("periods", "2019年4月至6月，全市新增企业12家。", [dict(value=12, date="2019-04/2019-06")]),
    ("periods", "2019年3月1日至15日，共办理业务1200件。", [dict(value=1200, date="2019-03-01/2019-03-15")]),
    ("periods", "30日，全市新增企业12家。", [dict(value=12, date="2020-04-30")]),
    ("periods", "5日，全市新增企业12家。", [dict(value=12, date="2020-05-05")]),
    ("periods", "2019年度，全市新增企业12家。", [dict(value=12, date="2019")]),
    ("periods", "二〇一九年十二月，全市新增企业12家。", [dict(value=12, date="2019-12")]),
    ("periods", "2019年Q3，全市GDP增长6.1%。", [dict(value=6.1, date="2019-07/2019-09")]),
    ("periods", "2019年12月下旬，接待游客3万人次。", [dict(value=30000, date="2019-12-21/2019-12-31")]),
    ("periods", "2019年5月至2020年4月，投入资金3亿元。", [dict(value=3e8, date="2019-05/2020-04")]),
    ("periods", "2020年5月4日至6日，接待游客3万人次。", [dict(value=30000, date="2020-05-04/2020-05-06")]),
    ("periods", "“十四五”期间，计划投入3亿元。", [dict(value=3e8, date="2021/2025")]),
    ("periods", "108年全市新增企業12家。", [dict(value=12, date="2019")], {"roc_years": True}),
    ("periods", "民國108年3月，新增企業12家。", [dict(value=12, date="2019-03")], {"roc_years": True}),
    ("periods", "108年底，營收5億元。", [dict(value=5e8, date="2019-12")], {"roc_years": True}),
    ("periods", "109年第1季，營收5億元。", [dict(value=5e8, date="2020-01/2020-03")], {"roc_years": True}),
    ("periods", "去年第4季，營收5億元。", [dict(value=5e8, date="2019-10/2019-12")], {"roc_years": True}),
    # -- relative periods against REF (Wed 2020-05-06)
    ("relative", "明年，全市计划新增企业12家。", [dict(value=12, date="2021")]),
    ("relative", "去年全市新增企业12家。", [dict(value=12, date="2019")]),
    ("relative", "前年全市新增企业12家。", [dict(value=12, date="2018")]),
    ("relative", "上年全市新增企业12家。", [dict(value=12, date="2019")]),
    ("relative", "本月全市新增企业12家。", [dict(value=12, date="2020-05")]),
    ("relative", "上月全市新增企业12家。", [dict(value=12, date="2020-04")]),
    ("relative", "上个月全市新增企业12家。", [dict(value=12, date="2020-04")]),
    ("relative", "下个月将新增企业12家。", [dict(value=12, date="2020-06")]),
    ("relative", "下月将新增企业12家。", [dict(value=12, date="2020-06")]),
    ("relative", "上月15日，全市新增企业12家。", [dict(value=12, date="2020-04-15")]),
    ("relative", "昨天全市新增病例12例。", [dict(value=12, date="2020-05-05")]),
    ("relative", "昨日全市新增病例12例。", [dict(value=12, date="2020-05-05")]),
    ("relative", "前天全市新增病例12例。", [dict(value=12, date="2020-05-04")]),
    ("relative", "明天预计到港旅客1.2万人次。", [dict(value=12000, date="2020-05-07")]),
    ("relative", "今天全市新增病例12例。", [dict(value=12, date="2020-05-06")]),
    ("relative", "今日全市新增病例12例。", [dict(value=12, date="2020-05-06")]),
    ("relative", "上周全市新增病例12例。", [dict(value=12, date="2020-04-27/2020-05-03")]),
    ("relative", "本周全市新增病例12例。", [dict(value=12, date="2020-05-04/2020-05-10")]),
    ("relative", "下周将投放车辆1200辆。", [dict(value=1200, date="2020-05-11/2020-05-17")]),
    ("relative", "上周三全市新增病例12例。", [dict(value=12, date="2020-04-29")]),
    ("relative", "上星期全市新增病例12例。", [dict(value=12, date="2020-04-27/2020-05-03")]),
    ("relative", "上季度全市GDP增长6.1%。", [dict(value=6.1, date="2020-01/2020-03")]),
    ("relative", "上个季度全市GDP增长6.1%。", [dict(value=6.1, date="2020-01/2020-03")]),
    ("relative", "本季度全市GDP增长6.1%。", [dict(value=6.1, date="2020-04/2020-06")]),
    ("relative", "今年以来，全市新增企业12家。", [dict(value=12, date="2020-01-01/2020-05-06")]),
    ("relative", "2018年以来，全市新增企业12家。", [dict(value=12, date="2018-01-01/2020-05-06")]),
    ("relative", "去年9月至今，全市新增企业12家。", [dict(value=12, date="2019-09-01/2020-05-06")]),
    ("relative", "去年9月以来，全市新增企业12家。", [dict(value=12, date="2019-09-01/2020-05-06")]),
    ("relative", "3年前，全市只有企业12家。", [dict(value=12, date="2017")]),
    ("relative", "三年前，全市只有企业12家。", [dict(value=12, date="2017")]),
    ("relative", "5天后将投放车辆1200辆。", [dict(value=1200, date="2020-05-11")]),
    ("relative", "今年一季度，全市GDP增长6.1%。", [dict(value=6.1, date="2020-01/2020-03")]),
    ("relative", "去年同期全市GDP增长6.1%。", [dict(value=6.1, date="2019")]),
    ("relative", "今年前4个月，全市GDP增长6.1%。", [dict(value=6.1, date="2020-01/2020-04")]),
    ("relative", "本年度全市新增企业12家。", [dict(value=12, date="2020")]),
    ("relative", "3年来，全市新增企业12家。", [dict(value=12, date="2017/2020")]),
    ("relative", "今年3月，全市新增企业12家。", [dict(value=12, date="2020-03")]),
    ("relative", "去年底全市企业达12万家。", [dict(value=120000, date="2019-12")]),
    ("relative", "上月底全市企业达12万家。", [dict(value=120000, date="2020-04")]),
    ("relative", "本月3日，新增企业12家。", [dict(value=12, date="2020-05-03")]),
    ("relative", "上周五，新增企业12家。", [dict(value=12, date="2020-05-01")]),
    ("relative", "这个月新增企业12家。", [dict(value=12, date="2020-05")]),
    ("relative", "两年前全市只有企业12家。", [dict(value=12, date="2018")]),
    ("relative", "10天后将投放车辆1200辆。", [dict(value=1200, date="2020-05-16")]),
    ("relative", "5月1日至今，接待游客3万人次。", [dict(value=30000, date="2020-05-01/2020-05-06")]),
    ("relative", "明年上半年将投入资金3亿元。", [dict(value=3e8, date="2021-01/2021-06")]),
    ("relative", "后年将投入资金3亿元。", [dict(value=3e8, date="2022")]),
    ("relative", "大前年全市新增企业12家。", [dict(value=12, date="2017")]),
    # third round: weekends, last-N spans, weeks and months ago, since a relative period
    ("relative", "本周末，接待游客3万人次。", [dict(value=30000, date="2020-05-09/2020-05-10")]),
    ("relative", "近三天，接待游客3万人次。", [dict(value=30000, date="2020-05-03/2020-05-06")]),
    ("relative", "过去一周，接待游客3万人次。", [dict(value=30000, date="2020-04-29/2020-05-06")]),
    ("relative", "近一个月，接待游客3万人次。", [dict(value=30000, date="2020-04-06/2020-05-06")]),
    ("relative", "两周前，接待游客3万人次。", [dict(value=30000, date="2020-04-22")]),
    ("relative", "3个月后将投放车辆1200辆。", [dict(value=1200, date="2020-08")]),
    ("relative", "上上周，接待游客3万人次。", [dict(value=30000, date="2020-04-20/2020-04-26")]),
    ("relative", "本月以来，累计接待游客3万人次。", [dict(value=30000, date="2020-05-01/2020-05-06")]),
    ("relative", "本季度以来，累计接待游客3万人次。", [dict(value=30000, date="2020-04-01/2020-05-06")]),
    ("periods", "3月中下旬，接待游客3万人次。", [dict(value=30000, date="2020-03-11/2020-03-31")]),
    # fourth round: months and quarters named together, 头N个月, a year with no 年, 礼拜
    ("periods", "今年1、2月份，接待游客3万人次。", [dict(value=30000, date="2020-01/2020-02")]),
    ("periods", "今年一、二月份，接待游客3万人次。", [dict(value=30000, date="2020-01/2020-02")]),
    ("periods", "2019年第一、二季度，GDP增长6%。", [dict(value=6, date="2019-01/2019-06")]),
    ("periods", "2019年1-3季度，GDP增长6%。", [dict(value=6, date="2019-01/2019-09")]),
    ("periods", "2019年一至三季度，GDP增长6%。", [dict(value=6, date="2019-01/2019-09")]),
    ("periods", "今年一季度和二季度，GDP增长6%。", [dict(value=6, date="2020-01/2020-06")]),
    ("periods", "2019上半年，GDP增长6%。", [dict(value=6, date="2019-01/2019-06")]),
    ("periods", "二〇一七至二〇一九年，累计投入3亿元。", [dict(value=3e8, date="2017/2019")]),
    ("periods", "２０１９年１－３月，新增企业12家。", [dict(value=12, date="2019-01/2019-03")]),
    ("periods", "今年头两个月，接待游客3万人次。", [dict(value=30000, date="2020-01/2020-02")]),
    ("relative", "上个礼拜，接待游客3万人次。", [dict(value=30000, date="2020-04-27/2020-05-03")]),
    ("relative", "上月下旬，接待游客3万人次。", [dict(value=30000, date="2020-04-21/2020-04-30")]),
    ("relative", "本月中旬，接待游客3万人次。", [dict(value=30000, date="2020-05-11/2020-05-20")]),
    ("periods", "3月中旬以来，接待游客3万人次。", [dict(value=30000, date="2020-03-11/2020-05-06")]),
]


#: Numerals alone -> value (None: not one number), for comparing the numeral reader with cn2an.
NUMERALS: list[tuple[str, float | None]] = [
    ("一百一十七亿", 11700000000), ("两千零五十", 2050), ("十二万五千", 125000), ("一千零五万", 10050000),
    ("壹佰贰拾", 120), ("十二点五", 12.5), ("一点二", 1.2), ("三点一四一五", 3.1415), ("零点五", 0.5),
    ("一万零八", 10008), ("十万零五百", 100500), ("一亿零三百万", 103000000), ("两亿五千万", 250000000),
    ("两千五", 2500), ("一万五", 15000), ("一亿二", 120000000), ("三万二千五", 32500), ("二十一万五", 215000),
    ("捌拾捌万捌仟捌佰捌拾捌", 888888), ("壹万贰仟叁佰", 12300), ("玖佰", 900), ("陆佰柒拾捌", 678),
    ("一十二万", 120000), ("一百零一", 101), ("十", 10), ("十五", 15), ("二十", 20), ("一千零一十", 1010),
    ("三千零三十万", 30300000), ("九千九百九十九万九千九百九十九", 99999999), ("一万亿", 1e12),
    ("五千万亿", 5e15), ("两万", 20000), ("〇", 0), ("二〇二〇", 2020), ("一九九七", 1997),
    ("十亿零一", 1000000001), ("一百万", 1000000), ("两百", 200), ("兩千萬", 20000000), ("壹億", 100000000),
    ("貳拾萬", 200000), ("三十万零二百", 300200), ("四亿零五十万", 400500000), ("一千二百三十四点五六", 1234.56),
    ("3万2千5百", 32500), ("2亿3万", 200030000), ("1亿2千万", 120000000), ("1万零5百", 10500), ("5千3百", 5300),
    ("1万5000", 15000), ("5万5", 55000), ("2亿5000", 200005000), ("1万零500", 10500),
    ("百", None), ("万", None), ("三四十", None), ("一二", None), ("十几", None),
]


def read_numeral(s: str) -> float | None:
    """A bare numeral as ipextract reads it; public because tests/test_grammar.py checks the
    NUMERALS table with it."""
    from ipextract.facts.numerals import parse_chinese, parse_mixed

    v = parse_chinese(s)
    v = parse_mixed(s) if v is None else v
    return None if v is None else float(v)


def _cn2an(s: str) -> float | None:
    import cn2an  # optional: only for the comparison

    try:
        return float(cn2an.cn2an(s, "smart"))
    except Exception:  # cn2an raises on what it cannot read
        return None


def compare_numerals() -> None:
    """The numeral table read by ipextract's numerals.py and, when installed, by cn2an."""
    readers = [("ipextract", read_numeral)]
    try:
        import cn2an  # noqa: F401

        readers.append(("cn2an", _cn2an))
    except ImportError:
        pass
    for name, read in readers:
        wrong = []
        for s, want in NUMERALS:
            got = read(s)
            if (got is None) != (want is None) or (got is not None and abs(got - want) > 1e-6 * max(1.0, abs(want))):
                wrong.append((s, want, got))
        print(f"numerals   {name:9} {len(NUMERALS) - len(wrong)}/{len(NUMERALS)} wrong: {wrong}")


def _matches(fact, want: dict) -> bool:
    for key, expected in want.items():
        got = getattr(fact, key)
        if isinstance(expected, (int, float)) and not isinstance(expected, bool) and got is not None:
            if abs(got - expected) > 2e-4 * max(1.0, abs(expected)):
                return False
        elif got != expected:
            return False
    return True


def run(case: tuple) -> tuple[bool, list]:
    """Whether a case passes, and the facts that came out (text, value, max, unit, qual, date)."""
    group, text, wanted = case[:3]
    facts = extract(text, REF, **(case[3] if len(case) > 3 else {}))
    left = list(facts)
    for want in wanted:
        hit = next((f for f in left if _matches(f, want)), None)
        if hit is None:
            break
        left.remove(hit)
    else:
        hit = True
    ok = hit is not None and (group in ("periods", "relative") or not left)
    return ok, [(f.text, f.value, f.value_max, f.unit, f.qualifier, f.change, f.date) for f in facts]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    totals: dict[str, list[int]] = {}
    for case in CASES:
        ok, got = run(case)
        tally = totals.setdefault(case[0], [0, 0])
        tally[0] += ok
        tally[1] += 1
        if verbose and not ok:
            print(f"FAIL {case[0]:10} {case[1]}\n     want {case[2]}\n     got  {got}")
    for group, (passed, total) in totals.items():
        print(f"{group:10} {passed}/{total} = {passed / total:.2f}")
    if "--numerals" in argv:
        compare_numerals()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
