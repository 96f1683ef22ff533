"""Indonesian knowledge for tokens and sentences: abbreviations, currency signs, web domains.

Data only, read by :mod:`warta.analyse.tokens`. Entries are case-sensitive as written; the tokenizer adds
the all-capitals form of each (``PROF.``, ``DLL.``) for headlines and shouting text.

Abbreviations come in two kinds, because a full stop after an abbreviation may or may not end the sentence:

- :data:`NONFINAL_ABBREVIATIONS` stand before a name, a number or a place (``Dr. Andi``, ``Jl. Sudirman``,
  ``No. 5``, ``Rp. 500``): a sentence never ends on them.
- :data:`FINAL_ABBREVIATIONS` close a list, a company or a name (``dll.``, ``Tbk.``, ``S.H.``): written at
  the end of a sentence their full stop is also the sentence's, so a capital after them starts a new one.

Never list an abbreviation that is also an everyday word or acronym with a full stop after it: ``hal.``
(*halaman*) is left out because ``banyak hal.`` ends sentences, ``HP.`` and ``MA.`` because ``lewat HP.`` and
``di MA.`` do, and two-capital forms like ``SA.`` because police news names suspects by initials.
"""

from __future__ import annotations

__all__ = [
    "NONFINAL_ABBREVIATIONS",
    "FINAL_ABBREVIATIONS",
    "MONTH_ABBREVIATIONS",
    "CURRENCY_PREFIXES",
    "DOMAIN_SUFFIXES",
]

#: Titles, honorifics, address and reference words, company forms written before a name.
NONFINAL_ABBREVIATIONS: frozenset[str] = frozenset("""
Dr. DR. dr. Drs. Dra. Prof. Ir. H. Hj. KH. K.H. Ust. Ustd. Hab. Bpk. Bp. Sdr. Sdri. Sdra.
Ny. Nn. Tn. Mr. Mrs. Ms. Mt. St. Yth. yth.
Moh. Moch. Mochd. Muh. Muhd. Mhd. Mohd. Abd. Ach. Achm.
Jend. Letjen. Mayjen. Brigjen. Kol. Letkol. Kapt. Pol. Purn.
Jl. Jln. Gg. Kav. Kp. Ds. Kel. Kec. Kab. Prov. Lt. Blk.
No. no. Vol. Hlm. hlm. Ed. Ps. Psl. Th. Thn. Pkl. Tgl. tgl. Ket. Lamp. Ref.
Telp. telp. Tlp. tlp. Tel. Fax.
Rp. PT. CV. Pte. Sdn.
a.n. u.p. s.d. c.q. q.q. d.a. u.b. i.e. e.g.
sbg. yg. dg. dgn. utk. krn. pd. kpd. thd. spt. bhw. tdk. blm. sdh.
vs. Vs. ca. cf. approx.
Sp. Gov. Sen. Rep. Rev. Capt. Col. Sgt. Adm.
""".split())

#: Abbreviations that may end a sentence: list closers, company forms after the name, degrees after a name.
FINAL_ABBREVIATIONS: frozenset[str] = frozenset("""
dll. dsb. dst. dkk. tsb. cs. Cs. etc. dlsb.
Tbk. tbk. TBK. Ltd. Inc. Co. Corp. LLC. Plc. Bhd.
Jr. Sr.
S.H. M.H. S.E. M.E. M.M. M.Si. M.Sc. M.A. B.A. B.Sc. Ph.D. PhD. S.Sos. M.Sos. S.Kom. M.Kom. S.T. M.T.
S.Pd. M.Pd. S.Ag. M.Ag. S.Ip. S.IP. S.Hut. S.Psi. M.Psi. M.Kes. S.Ked. S.Kes. S.Kep. S.Farm. S.Si.
S.Gz. S.S. S.H.I. M.H.I. S.Th. M.Th. M.Hum. M.Kn. M.Ec. M.Eng. M.B.A. M.P.A. M.Phil. LL.M. Lc. Apt.
Sp.A. Sp.B. Sp.OG. Sp.PD. Sp.JP. Sp.KJ. Sp.M. Sp.N. Sp.S. Sp.THT. Sp.An. Sp.Rad. Sp.KK. Sp.P. Sp.U.
""".split())

#: Month abbreviations: one token with their full stop only before a number (``10 Jan. 2022``, ``Jan. 10``),
#: since ``Jun``, ``Jan`` and ``Des`` are also names that end sentences.
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "Jan", "Feb", "Febr", "Mar", "Apr", "Jun", "Jul", "Agu", "Agt", "Ags", "Aug", "Sep", "Sept", "Okt", "Oct",
    "Nov", "Des", "Dec",
)

#: Currency signs written straight before an amount (``Rp1.500``, ``US$2,5``): kept with the amount.
CURRENCY_PREFIXES: tuple[str, ...] = ("Rp.", "Rp", "RP", "US$", "S$", "A$", "HK$", "NZ$", "RM", "$", "€", "£", "¥")

#: Web domain endings: ``Kompas.com`` and ``Detik.co.id`` are one token, not a sentence boundary.
DOMAIN_SUFFIXES: tuple[str, ...] = (
    "co.id", "go.id", "ac.id", "or.id", "web.id", "sch.id", "mil.id", "net.id", "my.id", "biz.id", "co.uk",
    "com", "net", "org", "id", "co", "info", "io", "tv", "news", "gov", "edu", "int", "asia", "me", "xyz",
)
