#!/usr/bin/env python3
"""Regenerate Rules/lexicons/place-blockers.txt.

Blockers are ordinary words and phrases that contain a gazetteer entry (from
places.txt, geography.txt or countries.txt) without naming a place: 长治久安 (长治), 示范县 (范县),
热火朝天 (朝天), 幸福安康 (福安). A rule that finds a place inside a blocker
occurrence, or a place match that straddles one, should drop the place.

Sources:
  * the idiom dictionary of the PyPI package jionlp (version used: 1.5.31,
    jionlp/dictionary/chinese_idiom.zip): every four-character idiom that contains
    a gazetteer entry (idioms are figurative: 洛阳纸贵, 稳如泰山, 东山再起), and
    every one whose third or fourth character is a place suffix of place.tiqu's
    suffixed names (绿水青山, 万水千山, 排山倒海), which would otherwise read as
    a name ending in 山, 江, 村 ...;
  * HAND_WRITTEN below: frequent words of government reports that straddle a
    place name, written by hand (general phrases, not names from one document).

How to run (from the repository root, after places.txt and geography.txt exist;
nothing in the build depends on this script, only its output is committed):

    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install jionlp==1.5.31
    /tmp/lexvenv/bin/python Rules/lexicons/tools/generate_place_blockers.py \
        -o Rules/lexicons/place-blockers.txt
"""
import argparse
import os
import sys

import lexicon_file
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.dirname(HERE)

# The suffixes place.suffixed accepts after a stem of two or three characters.
SUFFIXES = set("镇乡村江河湖山峰岛湾沟寨溪")

# Terms and slogans of the genre that contain a name-like part: word -> (blocks, source).
TERMS = {"中国特色社会主义": ("中国", "term"), "中国式现代化": ("中国", "term"),
         "中华民族": ("中华", "term"), "四好农村路": ("四好农村", "slogan"),
         "新台阶": ("新|台", "term"), "青年": ("青", "term"), "青稞": ("青", "term"),
         "节假日": ("日", "term"), "日均": ("日", "term"),
         # nouns in which a known place and a suffix character read as a name
         # (桓仁山参, 腾冲火山, 腾冲驼峰机场) or an abbreviation (马铃薯, 大马哈鱼)
         "山参": ("山", "term"), "火山": ("火山", "term"), "驼峰": ("峰", "term"),
         "马铃薯": ("马", "term"), "马哈鱼": ("马|哈", "term"), "政协": ("和政", "term"),
         "和政府": ("和政", "term"), "创新和": ("新和", "term"), "江河湖": ("江|河|湖", "term"), "红景天": ("天等", "term"), "黄山松": ("黄山", "term"), "山洪": ("山", "term"), "猕猴桃": ("桃园", "term"),
         # animals, like 东北虎 (GUIDELINES.md): no places
         "大熊猫": ("熊猫", "term"), "金丝猴": ("金丝", "term"), "藏羚羊": ("藏", "term"),
         # rankings: 全国百佳县 (the hundred best counties)
         "百佳县": ("佳县", "term"),
         # investing and starting businesses (到镇宁投资兴业)
         "投资兴业": ("资兴", "term"),
         # newly levelled land (新平整工业用地), not the county 新平
         "新平整": ("新平", "term"),
         # an industry that enriches the county, a slogan (果业富县), not the county 富县
         "业富县": ("富县", "term"),
         # idioms read as abbreviations (日新月异: Japan, Xinjiang)
         "日新月异": ("日|新", "term"),
         # east-west cooperation after a pair of abbreviations (浙川东西部协作: no 川东)
         "东西部协作": ("东", "term"), "东西部扶贫协作": ("东", "term"),
         # the motherland's frontier, a stock phrase (筑牢祖国北疆安全稳定屏障)
         "祖国北疆": ("北疆", "term"), "祖国南疆": ("南疆", "term"),
         # words spelled with abbreviation characters (其中中国, 塔吉克民俗)
         "其中": ("中", "term"),
         # Zhejiang's mountain-sea cooperation (遂昌山海协作产业园: no 遂昌山)
         "山海协作": ("山", "term"),
         # the finless porpoise (东亚江豚) and the high half-mountain belt of Sichuan
         "江豚": ("江", "term"), "东亚江豚": ("东亚", "term"), "高半山": ("半山", "term"),
         # officials stationed in villages (选派驻村第一书记) and Guangdong's programme of
         # stationing in towns to help them and their villages (驻镇帮镇扶村): no 驻村, 扶村
         "驻村": ("驻村", "term"), "帮镇扶村": ("扶村", "term"),
         # the chili variety (朝天椒), not the district of Guangyuan
         "朝天椒": ("朝天", "term"),
         # steady growth (健康平稳: no 康平); an expressway named by two places ending
         # in 阳 (新阳高速: no 阳高) is the gazetteer's guard, not a blocker, which would
         # take 泌阳 out of 社旗至泌阳高速 as well
         "健康平稳": ("康平", "term"),
         # a safe township, a title (省级平安乡镇: no 安乡)
         "平安乡镇": ("安乡", "term"),
         # a river's clear water, a stock phrase (守护好东江源头一江清水: no 头一江)
         "一江清水": ("江", "term"), "一江春水": ("江", "term"),
         # villages inside a city, a kind of housing (城中村改造), not a village named 城中
         "城中村": ("村", "term"),
         # economic and social development, in every report, and the festival of the
         # river's thaw in the northeast (松花江开江节): no 会发 (a town), no 开江
         "社会发展": ("会发", "term"), "开江节": ("开江", "term"),
         # the national sandstorm-source programme around Beijing and Tianjin, a fixed
         # name (京津风沙源治理工程), and black fungus (东宁黑木耳: no 黑 for Heilongjiang)
         "京津风沙源": ("京|津", "term"), "黑木耳": ("黑", "term"),
         # residents, in every report's income figures (城镇居民和农村居民: no 民和), and a
         # contribution after a chapter (西藏篇章贡献力量: no 章贡)
         "居民和": ("民和", "term"), "章贡献": ("章贡", "term"),
         # a kind of tea and an elephant (勐海普洱茶, 亚洲象监测预警: no 普洱, no 亚洲)
         "普洱茶": ("普洱", "term"), "亚洲象": ("亚洲", "term"),
         # Inner Mongolia's mobile cultural troupes (旗乌兰牧骑下基层演出), not the county 乌兰
         "乌兰牧骑": ("乌兰", "term"),
         # a model county, a title (民族团结进步模范县), and tamarisk groves (红柳林): no 范县, 柳林
         "模范县": ("范县", "term"), "红柳林": ("柳林", "term"),
         # resettled people and (移民和基础设施), the farmers' harvest festival (农民丰收节), Simao
         # pine (思茅松) and Yuanmou Man, a fossil hominid (元谋人遗址): no 民和, 民丰, 思茅, 元谋
         "移民和": ("民和", "term"), "农民丰收": ("民丰", "term"), "思茅松": ("思茅", "term"),
         "元谋人": ("元谋", "term"),
         # the Chengdu–Chongqing economic circle of two cities (成渝地区双城经济圈): no 双城
         "双城经济圈": ("双城", "term"),
         # Armand pine, planted across the south-west (华山松低效林改造): no 华山
         "华山松": ("华山", "term"),
         # the Pinglu Canal, a national work in Guangxi (平陆运河), not the county 平陆
         "平陆运河": ("平陆|运河", "term")}

# word -> the place entry it would otherwise produce (checked against the gazetteer)
HAND_WRITTEN = """
长治久安 久安长治 示范县 示范区 党和政府 和政治 和政策 顺利通过 顺利通车 顺利完成 理顺城市
搬迁安置 易地搬迁安置 回迁安置 拆迁安置 兴文化 新安全 新安全格局 幸福安康 平安建设 大安全 大方向 大通道
复杂多变 工资水平 公开化 鉴定结论 协会理事 黄金水道 复合肥 大江南北 车水马龙 世外桃源
恍然大悟 热火朝天 大同小异 求同存异 繁荣昌盛 安居乐业 绿水青山 金山银山 蓝天白云 白云蓝天
文化自信 会同有关 中方面 东方红 东方明珠 华安全 新华社 新华书店 新华网
合作社 资源县 比如说 和平发展 通道建设 大通关 
龙头企业 金融 乐山乐水 云霄 响彻云霄 全面振兴 民族复兴 宏伟蓝图 生意兴隆
天桥 人行天桥 灯塔工厂 同心同德 同心圆 一视同仁 共和国 人民共和国 中华人民共和国
公安局 公安机关 公安厅 公安部 惠民政策 文化惠民 富民政策 惠农政策 富民强区 富民兴藏 强边固防
东北虎 东北豹 东北虎豹 华南虎 大兴调查研究 大兴土木 兴边富民 石材 平原地区 高原地区 高原 
沿海城市 世界长寿乡 长寿之乡 阿里巴巴 代县长 代市长 代区长 成县域
通江达海 哈密瓜 太阳谷 千年古县 一河清水 人民和 更新和 创新和 共同富裕 征迁安置 还迁安置 大理石
清西陵 以上海洋 弘扬中 恐龙文 王阳明 阳明文化 高峡平湖 创新平台 滨海城市 示范村
""".split()


def load(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s and not s.startswith("#"):
                out.add(s.split()[0])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    import jionlp
    gaz = set().union(*(load(os.path.join(LEX, name)) for name in ("places.txt", "geography.txt", "countries.txt")))
    zpath = os.path.join(os.path.dirname(jionlp.__file__), "dictionary", "chinese_idiom.zip")
    with zipfile.ZipFile(zpath) as z:
        text = z.read("chinese_idiom.txt").decode("utf-8")
    idioms = [l.split("\t")[0].strip() for l in text.splitlines() if l.strip()]
    rows = {}
    for src, words in (("idiom", idioms), ("hand", HAND_WRITTEN), ("term", TERMS)):
        for w in words:
            if src == "idiom" and (len(w) != 4 or not all("\u4e00" <= c <= "\u9fff" for c in w)):
                continue
            if w in gaz or w in rows:
                continue
            hits = sorted({e for e in gaz if len(e) >= 2 and e in w and e != w},
                          key=lambda e: (w.index(e), -len(e)))
            if not hits and src in ("idiom", "hand"):
                hits = [w[:k + 1] for k in (2, 3) if k < len(w) and w[k] in SUFFIXES]
            source = src
            if src == "term":
                hits, source = [TERMS[w][0]], TERMS[w][1]
            if not hits:
                continue
            rows[w] = (hits, source)
    lines = []
    for w, (hits, src) in rows.items():
        lines.append(f"{w} blocks={'|'.join(hits)} source={src}")
    header = f"""\
# place-blockers.txt -- ordinary words, phrases and idioms that CONTAIN a gazetteer
# entry (places.txt, geography.txt) but name no place: 长治久安 (长治), 示范县 (范县),
# 热火朝天 (朝天), 幸福安康 (福安), 顺利通过 (利通). A place match inside an
# occurrence of a blocker, or straddling one, should be dropped.
# GENERATED by Rules/lexicons/tools/generate_place_blockers.py from the four-character
# idioms of the PyPI package jionlp {jionlp.__version__} (chinese_idiom dictionary)
# plus a hand-written list of frequent report words in that script; regenerate after
# changing places.txt or geography.txt.
#
# Attributes:
#   blocks=  the gazetteer entries the blocker contains ('|' list)
#   source=  idiom (jionlp idiom dictionary) | hand (hand-written list)
#            | term | slogan (terms and slogans of the genre)
"""
    lexicon_file.write(args.output, header, lines)
    print(f"{len(lines)} blockers", file=sys.stderr)


if __name__ == "__main__":
    main()
