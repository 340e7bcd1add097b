"""Deterministic Chinese government prose with planted hits, for the engine benchmarks."""

from __future__ import annotations

import random

SENTENCES = (
    "为深入贯彻落实党中央、国务院决策部署，进一步做好全市安全生产工作，现将有关事项通知如下。",
    "各区县人民政府、市政府各部门要高度重视，切实加强组织领导，明确责任分工，确保各项任务落到实处。",
    "二〇二五年全市地区生产总值同比增长百分之五点二，一般公共预算收入完成年度目标。",
    "会议听取了关于优化营商环境工作情况的汇报，研究部署了下一阶段重点工作。",
    "要坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，不断增强人民群众获得感。",
    "本单位严格执行保密审查制度，做到涉密信息不上网、上网信息不涉密。",
    "项目采用有机密封材料，密封性能和耐候性均达到国家标准。",
    "健全内部管理制度，加强内部控制和风险防范，提升依法行政水平。",
    "咨询电话：0574-87654321，监督电话：12345。",
    "统一社会信用代码：91110000600037341L，地址：某某市某某区某某路1号。",
    "各单位要于每月5日前报送上月工作进展情况，逾期未报的予以通报。",
)
PLANTS = (
    "秘密★1年",
    "机 密★长期",
    "附件：内部资料汇编",
    "（征求意见稿）",
    "联系人：张三，身份证号33021119800101001X",
    "服务器地址：http://192.168.10.20/oa/",
)


def generate(size_bytes: int, seed: int = 20261128, plant_every: int = 400) -> str:
    """About `size_bytes` of UTF-8 prose, one planted hit every `plant_every` sentences."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    n = 0
    while total < size_bytes:
        sentence = rng.choice(SENTENCES)
        n += 1
        if n % plant_every == 0:
            sentence = rng.choice(PLANTS) + "。" + sentence
        if n % 8 == 0:
            sentence += "\n\n"
        out.append(sentence)
        total += len(sentence.encode("utf-8"))
    return "".join(out)
