#!/usr/bin/env python3
"""Regenerate Rules/lexicons/places.txt (gazetteer of Chinese administrative divisions).

Source data: the PyPI package `jionlp` (version used: 1.5.31), which ships the
national list of provinces, prefecture-level and county-level divisions with their
administrative codes (jionlp/dictionary/china_location.zip) and a list of later
renamings and abolitions (jionlp/dictionary/china_location_change.txt).
(`cpca` 0.5.5 was tried first; its adcodes.csv predates 2018 -- it still has
那曲地区 and 达孜县 -- so jionlp was used instead.)

How to run (from the repository root; nothing in the build depends on this script,
only its output Rules/lexicons/places.txt is committed):

    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install jionlp==1.5.31
    /tmp/lexvenv/bin/python Rules/lexicons/tools/generate_places.py -o Rules/lexicons/places.txt

What it does:
  1. Reads provinces, prefectures and counties from jionlp (3 levels only).
     Municipalities (北京市 ...) and the SARs are provinces whose districts are
     counties with the province as parent. "省直辖行政区划" is not a division: its
     members (济源市, 仙桃市, 石河子市 ...) are counties whose parent is the province.
     Functional zones (county code digits 5-6 in 71..79: 经济技术开发区, 高新区 ...)
     are not divisions; those whose name ends in 开发区/新区/新城/管理区 are kept as
     level=zone (full name only, no short form) because the guideline tags named
     development zones and new districts as PLACE; industrial parks (园区, 产业园)
     are PROJECT per the guideline and are skipped.
  2. Applies jionlp's change list (and EXTRA_CHANGES, the renamings it lacks): a division
     renamed after the data was compiled
     is renamed (e.g. 错那县 -> 错那市, 2023), and every old name (错那县, 那曲地区,
     襄樊市 ...) is kept as an entry with status=former, renamed_to=<new name>,
     because older reports still use it.
  3. Derives short forms (see short_form()): strip the administrative suffix and the
     ethnic-group part of autonomous names (宁夏回族自治区 -> 宁夏, 延边朝鲜族自治州
     -> 延边, 积石山保安族东乡族撒拉族自治县 -> 积石山). A short form is dropped when
     it would have one character (朗县, 城区 ...) or is in SHORT_STOPLIST (ordinary
     words that would create false places). jionlp's own aliases that differ
     (克州, 巴州, 海南州) are added as extra short forms unless generic, and so are
     the few in common use that jionlp lacks (EXTRA_ALIASES: 博州).
  4. Merges everything by surface string: one line per string, with aligned
     '|'-separated lists, one element per referent.
"""
import argparse
import re
import sys
from collections import OrderedDict

import lexicon_file

# ---------------------------------------------------------------------------
# Official full names that are ordinary words in report prose; they are not
# emitted at all (neither full nor short). 城区/郊区/矿区 are official names of
# districts (阳泉市城区, 铜陵市郊区 ...) but in reports they are generic (the
# guideline treats 城区 as a descriptor: 泽当城区 -> 泽当); 东区/南区/北区/西区/
# 中西区 (Hong Kong, 攀枝花市) are directional words.
FULL_STOPLIST = {
    "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中西区",
}

# Official full names that are also generic words (老城区 "the old town", 新城区 "the
# new district", 城北区 "the north of the town"): a place only in a document that names the division's parent city
# (洛阳市 or 洛阳 for 洛阳市老城区), through `requires=`.
GENERIC_FULL = {"新城区", "老城区", "城东区", "城西区", "城北区", "城中区"}

# Short forms (after suffix stripping) that are ordinary words or generic
# morphemes. Each would cause false PLACE matches inside ordinary text or inside
# other names. The full names (市中区, 新城区 ...) are still emitted.
R0 = "ordinary word that report prose uses in its own sense"
R1 = "generic positional or descriptive name (a part of any town, not one place)"
R2 = "part of a very frequent fixed phrase (绿水青山就是金山银山, 大通道, 蓝天白云)"
R3 = "numeral + classifier reading would collide with QUANTITY (三元 = 3 yuan, 三台 = 3 machines)"
R4 = "a word of report prose that never stands for the division, even in its own city's reports (新建: build new; 天府: Sichuan's epithet)"
SHORT_STOPLIST = {
    # ordinary word that report prose uses in its own sense
    "合作": R0, "资源": R0, "比如": R0, "平安": R0, "六合": R0, "新兴": R0, "通道": R0, "东方": R0, "中方": R0, "公安": R0,
    "和平": R0, "商城": R0, "新华": R0, "延长": R0, "振兴": R0, "会同": R0, "东风": R0, "兴业": R0, "港口": R0,
    "南部": R0, "光明": R0, "复兴": R0, "前进": R0, "友好": R0, "互助": R0, "太平": R0, "大关": R0, "红星": R0, "惠民": R0,
    "元宝": R0, "友谊": R0, "前锋": R0, "解放": R0, "富裕": R0, "红旗": R0, "温泉": R0, "安居": R0, "路桥": R0, "安宁": R0,
    "莲花": R0, "小店": R0, "长寿": R0, "高明": R0, "平原": R0, "宏伟": R0, "富民": R0, "大堂": R0, "来宾": R0, "安定": R0,
    "向阳": R0, "同心": R0, "天桥": R0, "大厂": R0, "平房": R0, "盐湖": R0, "惠农": R0, "丰满": R0, "宝塔": R0, "同仁": R0,
    "共和": R0, "兴隆": R0, "芙蓉": R0, "上街": R0, "江海": R0, "台前": R0, "清流": R0, "长子": R0, "灯塔": R0, "工农": R0,
    "海港": R0, "爱民": R0, "沿河": R0, "全州": R0, "大城": R0, "交口": R0, "东至": R0, "洞口": R0, "兴国": R0, "威信": R0,
    "和顺": R0, "大化": R0, "武功": R0, "龙凤": R0, "博爱": R0, "大名": R0, "大方": R0, "清水": R0, "清新": R0, "江山": R0,
    "牡丹": R0, "平和": R0, "新星": R0, "回民": R0, "民权": R0, "梨树": R0, "铜鼓": R0, "斗门": R0, "平川": R0, "平定": R0,
    "高台": R0, "乐业": R0, "磐石": R0, "康乐": R0, "民乐": R0, "名山": R0, "石棉": R0, "同德": R0, "平顺": R0, "大观": R0,
    "临江": R0, "临海": R0, "临河": R0, "高要": R0, "大安": R0, "大田": R0, "运河": R0,
    "桃园": R0, "盐田": R0,   # a peach orchard (新建标准化桃园), a salt field (盐井古盐田)
    # words that never stand for the division (新建: 21 of 21 in reports naming 新建区;
    # 天府, Sichuan's epithet in 天府粮仓 and 天府旅游名县: none of 17 in the corpus is 天府新区)
    "新建": R4, "天府": R4,
    # generic positional or descriptive name (a part of any town, not one place)
    "市中": R1, "城中": R1, "城东": R1, "城西": R1, "城北": R1, "城南": R1, "市南": R1, "市北": R1, "新市": R1, "新城": R1,
    "老城": R1, "古城": R1, "城关": R1, "城厢": R1, "故城": R1, "东城": R1, "西城": R1, "江北": R1, "江南": R1, "江岸": R1,
    "江口": R1, "南岸": R1, "河东": R1, "河西": R1, "河口": R1, "铁西": R1, "铁东": R1, "桥东": R1, "桥西": R1, "路南": R1,
    "路北": R1, "南关": R1, "北关": R1, "站前": R1, "中站": R1, "上城": R1, "下城": R1, "山城": R1, "江城": R1, "南城": R1,
    "滨江": R1, "滨海": R1, "滨湖": R1, "湖滨": R1, "南郊": R1, "双城": R1, "双桥": R1, "双河": R1, "龙潭": R1, "尖山": R1,
    "荷塘": R1, "白塔": R1, "二道": R1, "鼓楼": R1,
    # part of a very frequent fixed phrase (绿水青山就是金山银山, 大通道, 蓝天白云)
    "青山": R2, "金山": R2, "大通": R2, "白云": R2,
    # numeral + classifier reading would collide with QUANTITY (三元 = 3 yuan, 三台 = 3 machines)
    "三元": R3, "三台": R3, "九台": R3, "五台": R3, "万年": R3, "万全": R3, "二七": R3, "三江": R3, "三山": R3, "三门": R3,
}
SHORT_DROP = set(SHORT_STOPLIST)

# jionlp aliases that are generic and never used as short forms.
ALIAS_STOPLIST = {"经开区", "高新区", "新区", "示范区", "管理区", "产业园", "省直辖", "市直辖",
                  "临港区", "文旅区", "汽开区", "运河区", "医药高新区", "长江经开区", "火炬开发区",
                  "新站区", "唐港区", "芦台经开区",
                  "六枝特",   # truncated form of 六枝特区
                  "和布",     # not the usual short form of 和布克赛尔蒙古自治县
                  "奎青",     # misspelling of 葵青
                  "鹰手营子矿", "井陉矿",   # truncated forms of ...矿区
                  }

# Divisions whose short form the generic suffix rule cannot derive.
SPECIAL_SHORT = {
    "神农架林区": "神农架",   # the only 林区 (generic stripping would cut 万柏林区 to 万柏)
    "六枝特区": "六枝",       # the only 特区
}

# Renamings after jionlp 1.5.31's change list, in its shape: (old province, prefecture,
# county) -> (new province, prefecture, county).
EXTRA_CHANGES = [
    (("福建省", "漳州市", "长泰县"), ("福建省", "漳州市", "长泰区")),   # a district since 2021
]


def location_changes():
    """jionlp's change list (its new names corrected as CORRECTIONS says) and
    EXTRA_CHANGES, in jionlp's shape."""
    from jionlp.dictionary.dictionary_loader import china_location_change_loader
    changes = [dict(ch, new_loc=[CORRECTIONS.get(n, n) for n in ch["new_loc"]]) if ch else ch
               for ch in china_location_change_loader()]
    extra = [{"old_loc": [[o[0]], [o[1]], [o[2]]], "new_loc": list(n)} for o, n in EXTRA_CHANGES]
    return changes + extra


def county_renames():
    """old county name -> its name now, for the counties the change list renames (错那县 ->
    错那市, 长泰县 -> 长泰区): generate_own_towns.py lets a county's stems count under both.
    Only names that one county alone bears, and no generic ones: 城区 and 桥西区 are in
    several cities, and 矿区 is 阳泉's as well as the former one of 大同."""
    from jionlp.dictionary.dictionary_loader import china_location_loader
    bearers = {}
    for province in china_location_loader().values():
        for city_name, city in province.items():
            if city_name.startswith("_"):
                continue
            for county_name in city:
                if not county_name.startswith("_"):
                    bearers[county_name] = bearers.get(county_name, 0) + 1
    renames = {}
    for ch in location_changes():
        if not ch or not ch["old_loc"][2][0] or not ch["new_loc"][2]:
            continue
        old, new = ch["old_loc"][2][0], ch["new_loc"][2]
        if old != new and bearers.get(old, 0) <= 1 and len(old) > 2:
            renames[old] = new
    return renames


# Short forms in common use that jionlp does not list as aliases.
EXTRA_ALIASES = {
    "博尔塔拉蒙古自治州": "博州",   # as 巴州 and 克州 are for their prefectures
    "旅顺口区": "旅顺",             # the town's historic name, more common than 旅顺口
}

# Known data errors in jionlp 1.5.31, corrected here (in its divisions and in the new
# names of its change list): 凤翔县 became 凤翔区 in 2021, not 凤翔市.
CORRECTIONS = {"奎青区": "葵青区", "凤翔市": "凤翔区"}

# Administrative suffixes, longest first.
SUFFIXES = ["特别行政区", "行政委员会", "自治区", "自治州", "自治县", "自治旗", "地区",
            "新区", "矿区", "省", "市", "盟", "县", "区", "旗"]

# A banner name cut before 旗 is no name when it ends in a direction or 联合
# (巴林右旗, 乌拉特中旗, 达尔罕茂明安联合旗): no short form.
BANNER_PARTS = ("左", "右", "中", "前", "后", "联合")

ZONE_SUFFIX = re.compile(r"(开发区|新区|新城|管理区)$")


def load_nations():
    """The 56 official ethnic-group names (a fixed list, spelled out here), with and
    without 族, for stripping the ethnic part of autonomous names."""
    names = ("汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 "
             "土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 "
             "柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 "
             "塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 "
             "鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 高山族").split()
    forms = set(names) | {"各族"}
    # Names without 族 are only stripped when at least two characters long
    # (蒙古, 哈萨克, 柯尔克孜, 锡伯 ...); 回/藏/苗... need their 族.
    forms |= {n[:-1] for n in names if len(n) >= 3}
    return sorted(forms, key=len, reverse=True)


NATIONS = load_nations()


def strip_ethnic(name):
    """Strip trailing ethnic-group names: 积石山保安族东乡族撒拉族 -> 积石山,
    巴音郭楞蒙古 -> 巴音郭楞. A name that is only an ethnic name keeps its stem
    (东乡族 -> 东乡, 鄂温克族 -> 鄂温克, 鄂伦春 -> 鄂伦春)."""
    changed = True
    while changed:
        changed = False
        for n in NATIONS:
            if name.endswith(n) and len(name) - len(n) >= 2:   # 内蒙古 stays
                name = name[: -len(n)]
                changed = True
                break
    if name.endswith("族") and name in NATIONS and len(name) >= 3:
        name = name[:-1]
    return name


def short_form(full):
    """Return the short form of an official name, or None.

    Suffixes are tried longest first; when stripping one would leave fewer than two
    characters, the next shorter matching suffix is tried (清新区 -> 清新, not 清).
    The ethnic part is stripped from autonomous names and from names whose stem
    ends in 族 (管城回族区 -> 管城, 梅里斯达斡尔族区 -> 梅里斯)."""
    if full in SPECIAL_SHORT:
        return SPECIAL_SHORT[full]
    best = None
    for suf in SUFFIXES:
        if not (full.endswith(suf) and len(full) > len(suf)):
            continue
        name = full[: -len(suf)]
        if suf.startswith("自治") or name.endswith("族"):
            name = strip_ethnic(name)
        if suf == "旗" and name.endswith(BANNER_PARTS):
            return None     # 巴林右旗 -> not 巴林右; jionlp's 巴右旗 is added instead
        if len(name) >= 2:
            return name
        if best is None:
            best = name
    return best


class Ref:
    __slots__ = ("full", "level", "parent", "status", "renamed_to", "code")

    def __init__(self, full, level, parent, code, status="current", renamed_to=None):
        self.full, self.level, self.parent, self.code = full, level, parent, code
        self.status, self.renamed_to = status, renamed_to


def load_divisions():
    from jionlp.dictionary.dictionary_loader import china_location_loader
    data = china_location_loader()
    refs = []          # list of Ref (current divisions)
    aliases = []       # (alias, Ref)

    def fix(name):
        return CORRECTIONS.get(name, name)

    for prov_name, prov in data.items():
        prov_name = fix(prov_name)
        pref = Ref(prov_name, "province", None, prov["_admin_code"])
        refs.append(pref)
        for city_name, city in prov.items():
            if city_name.startswith("_"):
                continue
            city_name = fix(city_name)
            if city["_admin_code"] == prov["_admin_code"] or city_name == "省直辖行政区划":
                cref = None        # municipality / SAR / province-administered
                parent = prov_name
            else:
                cref = Ref(city_name, "prefecture", prov_name, city["_admin_code"])
                refs.append(cref)
                for a in city["_alias"]:
                    aliases.append((a, cref))
                parent = city_name
            for cty_name, cty in city.items():
                if cty_name.startswith("_"):
                    continue
                cty_name = fix(cty_name)
                if cty_name.endswith("直辖行政区划"):
                    continue
                code = cty["_admin_code"]
                if (len(code) == 6 and code[4] == "7") or cty_name.endswith("开发区"):
                    # functional zone (成都高新技术产业开发区 has an ordinary code)
                    if ZONE_SUFFIX.search(cty_name):
                        refs.append(Ref(cty_name, "zone", parent, code))
                    continue
                r = Ref(cty_name, "county", parent, code)
                refs.append(r)
                aliases.append((cty["_alias"], r))

    # --- renamings and abolitions -------------------------------------------
    current = {(r.parent, r.full): r for r in refs}
    former = []
    for ch in location_changes():
        if not ch:
            continue
        old_p, old_c, old_x = (ch["old_loc"][0][0], ch["old_loc"][1][0], ch["old_loc"][2][0])
        new_p, new_c, new_x = ch["new_loc"][0], ch["new_loc"][1], ch["new_loc"][2]
        if old_x is None:          # prefecture-level change
            old_key, new_key = (old_p, old_c), (new_p, new_c)
            level, new_name = "prefecture", new_c
        else:
            old_parent = old_c if old_c in {r.full for r in refs if r.level == "prefecture"} else old_p
            new_parent = new_c if new_c in {r.full for r in refs if r.level == "prefecture"} else new_p
            old_key, new_key = (old_parent, old_x), (new_parent, new_x)
            level, new_name = "county", new_x
        if old_key[1] == new_name:
            continue
        if old_key in current and new_key not in current:
            # data predates the change: rename in place
            r = current.pop(old_key)
            r.full = new_name
            r.parent = new_key[0]
            current[new_key] = r
        elif old_key in current and new_key in current:
            # merged into an existing division but still listed: retire it
            r = current.pop(old_key)
            refs.remove(r)
        former.append(Ref(old_key[1], level, old_key[0], "999999", status="former",
                          renamed_to=new_name))
    # a former name may equal a current one elsewhere (e.g. 襄樊市 no; 沙县 yes): fine
    seen_former = set()
    for f in former:
        key = (f.parent, f.full)
        if key in current or key in seen_former:
            continue
        seen_former.add(key)
        refs.append(f)
    return refs, aliases


def build(refs, aliases):
    entries = OrderedDict()   # surface -> list of (Ref, is_short)
    dropped_one_char = []

    def add(surface, ref, is_short):
        lst = entries.setdefault(surface, [])
        if any(r is ref for r, _ in lst):
            return
        # the same full name with the same level+parent only once
        for r, s in lst:
            if r.full == ref.full and r.parent == ref.parent and s == is_short:
                return
        lst.append((ref, is_short))

    refs = [r for r in refs if r.full not in FULL_STOPLIST]
    order = sorted(refs, key=lambda r: ({"province": 0, "prefecture": 1, "county": 2,
                                          "zone": 3}[r.level], r.status != "current", r.code))
    for r in order:
        add(r.full, r, False)
    shorts = {}
    conditional = OrderedDict()   # ordinary-word short form -> its divisions
    for r in order:
        if r.level == "zone":
            continue
        s = short_form(r.full)
        if s is None:
            continue
        if len(s) < 2:
            dropped_one_char.append(r.full)
            continue
        if s in SHORT_DROP:
            if SHORT_STOPLIST[s] in (R0, R2, R3) and r.status == "current" and r.level in ("prefecture", "county"):
                conditional.setdefault(s, []).append(r)
            continue
        shorts.setdefault(r.full, s)
        add(s, r, True)
    # jionlp aliases that differ from the derived short form
    full_refs = {id(r) for r in refs}
    alias_shorts = {}   # id(ref) -> its aliases added here
    extra = [(EXTRA_ALIASES[r.full], r) for r in refs if r.full in EXTRA_ALIASES]
    for a, r in aliases + extra:
        if id(r) not in full_refs or r.status != "current":
            continue
        for a1 in a.split("/"):
            if (len(a1) < 2 or a1 == r.full or a1 in ALIAS_STOPLIST or a1 in SHORT_DROP
                    or a1 == shorts.get(r.full) or a1 in FULL_STOPLIST):
                continue
            add(a1, r, True)
            alias_shorts.setdefault(id(r), []).append(a1)
    # Autonomous prefectures, counties and banners are usually called by their short
    # form with the bare suffix (恩施州, 互助县, 莫力达瓦旗), also the short form jionlp
    # lists beside the derived one (前郭县 for 前郭尔罗斯蒙古族自治县): an alias, unless
    # that is another name.
    full_names = {r.full for r in refs}
    for r in order:
        if r.status == "current" and r.full.endswith(("自治州", "自治县", "自治旗")):
            for s in [short_form(r.full)] + alias_shorts.get(id(r), []):
                if s and len(s) >= 2 and not s.endswith(r.full[-1]) and s + r.full[-1] not in full_names:
                    add(s + r.full[-1], r, True)
    # An ordinary-word short form (互助) is a place only in a document that names the
    # division in full (互助土族自治县) or as short form + suffix (互助县).
    for s, lst in conditional.items():
        if s in entries:
            continue
        for r in lst:
            add(s, r, True)
        entries[s] = [(r, "requires") for r, _ in entries[s]]
    return entries, dropped_one_char


def fmt(entries):
    out = []
    for surface, lst in entries.items():
        attrs = []
        attrs.append("level=" + "|".join(r.level for r, _ in lst))
        if any(s for _, s in lst) or any(r.full != surface for r, _ in lst):
            attrs.append("full=" + "|".join(r.full for r, _ in lst))
        if any(r.parent for r, _ in lst):
            attrs.append("parent=" + "|".join(r.parent or "-" for r, _ in lst))
        # A short form shared by a prefecture and a county inside it (衡阳: 衡阳市 and its
        # 衡阳县): alone it is read as the city, so the county keeps its 县 (衡阳县城).
        if any(c.level == "county" and c.status == "current" and c.parent == p.full
               for c, _ in lst for p, _ in lst if p.level == "prefecture"):
            attrs.append("twin=yes")
        if any(r.status != "current" for r, _ in lst):
            attrs.append("status=" + "|".join(r.status for r, _ in lst))
            attrs.append("renamed_to=" + "|".join(r.renamed_to or "-" for r, _ in lst))
        if surface in GENERIC_FULL:
            forms = []
            for r, _ in lst:
                for form in (r.parent, short_form(r.parent)):   # 洛阳市, 洛阳
                    if form and form not in forms:
                        forms.append(form)
            attrs.append("requires=" + "|".join(forms))
        elif any(s == "requires" for _, s in lst):
            forms = []
            for r, _ in lst:
                for form in (r.full, surface + r.full[-1]):   # 互助土族自治县, 互助县
                    if form not in forms:
                        forms.append(form)
            attrs.append("requires=" + "|".join(forms))
        out.append(surface + " " + " ".join(attrs))
    return out


HEADER = """\
# places.txt -- gazetteer of Chinese administrative divisions (PLACE).
# GENERATED by Rules/lexicons/tools/generate_places.py from the PyPI package
# jionlp {version} (its china_location and china_location_change dictionaries);
# do not edit by hand: change the script and regenerate.
#
# Data currency: jionlp's division list as shipped (up to 2021), with the later
# renamings of its change list applied by the script (错那县 -> 错那市, 米林县 ->
# 米林市, 2023). Changes after that are not covered.
#
# Entries: every province-level, prefecture-level and county-level division by its
# official full name (山南市, 琼结县, 宁夏回族自治区), former names from renamings
# (status=former), short form + 州/县/旗 of autonomous divisions (恩施州, 互助县),
# named development zones / new districts that jionlp lists as
# functional zones (level=zone, full name only), and short forms (山南, 琼结, 宁夏,
# 延边, 乃东) obtained by stripping the administrative suffix and ethnic-group part.
# Short forms of one character and generic words (市中, 城中, 新华, 比如 ... see
# SHORT_STOPLIST in the script) are not listed. Full names 城区 郊区 矿区 东区 西区
# 南区 北区 中西区 are not listed (generic words in reports).
#
# One line per surface string. A string that names several divisions (朝阳区 in
# 北京市 and 长春市; 吉林 = 吉林省 and 吉林市) has ONE line whose list-valued
# attributes are aligned '|'-separated lists, one element per referent; '-' = none.
# Attributes:
#   level=      province | prefecture | county | zone (per referent)
#   full=       official full name of each referent; present when the entry is a
#               short form (or a former/alias name) of at least one referent
#   parent=     full name of the parent division (a province for prefectures and for
#               counties directly under a province or municipality); '-' for provinces
#   twin=       yes: the short form names a prefecture and a county inside it (衡阳:
#               衡阳市 and its 衡阳县), so before 县城 the county keeps its 县
#   status=     current | former (present only when some referent is a former name)
#   renamed_to= the name that replaced a former name; '-' for current referents
#   requires=   present on short forms that are also ordinary words (互助, 平安, 同仁):
#               the entry counts only in documents that contain one of these forms
#               (the full name, or the short form with its suffix), see Rules/README.md;
#               and on the full names that are generic words (老城区, 新城区): the
#               parent city, in full or short
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    ap.add_argument("--report", action="store_true",
                    help="print statistics and dropped short forms to stderr")
    args = ap.parse_args()
    import jionlp
    refs, aliases = load_divisions()
    entries, dropped = build(refs, aliases)
    lines = fmt(entries)
    lexicon_file.write(args.output, HEADER.format(version=jionlp.__version__), lines)
    if args.report:
        from collections import Counter
        c = Counter(r.level for r in refs if r.status == "current")
        print("divisions:", dict(c), "former:", sum(r.status == "former" for r in refs),
              "entries:", len(lines), file=sys.stderr)
        print("no short form (one character):", " ".join(dropped), file=sys.stderr)
        print("stoplisted short forms:", " ".join(sorted(SHORT_DROP)), file=sys.stderr)


if __name__ == "__main__":
    main()
