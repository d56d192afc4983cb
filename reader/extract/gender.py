"""The grammatical gender a pronoun needs of its antecedent: from honorifics ("Ms. Okafor"), a
gendered title or role ("congresswoman", "spokesman"), and common first names.

Only names that are nearly always one gender are listed; anything else is unknown, and an
unknown gender fits either pronoun.
"""

from __future__ import annotations


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


MALE_NAMES = _w(
    """aaron abdul abdullah abraham adam adrian ahmed ahmad alan albert alberto alejandro
    aleksandr alessandro alex alexander alexei alfred ali alistair andre andreas
    andrei andrew andy angelo anthony antoine antonio armando arnold arthur ashton barack
    barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brendan
    brett brian bruce bryan byron calvin carl carlos cesar charles charlie chris christian
    christopher chuck clarence claude clayton clint cody colin conor connor corey cory craig
    cristiano curtis dale damian dan daniel danny darius darren dave david dean dennis derek
    devin diego dmitry dominic don donald doug douglas duncan dustin dwight ed eddie edgar
    eduardo edward edwin elijah elliot emmanuel enrique eric erik ernest ethan eugene evan
    fabio felipe felix fernando francesco francis francisco frank franklin fred frederick
    gabriel gareth gary gavin geoffrey george gerald gerard gordon graham greg gregory guillermo
    gustavo guy hamid hans harold harry hassan hector henrik henry herbert horace howard hugh
    hugo ian igor isaac ivan jack jacob jaime jake james jared jason javier jay jeb jeff
    jeffrey jeremy jerome jerry jesse jesus jim jimmy joachim joe joel johan john johnny jon
    jonathan jorge jose joseph josh joshua juan julian julio justin karl keith ken
    kenneth kevin khalid kurt kyle lance larry lars lawrence leo leon leonard leonardo
    lewis liam lionel lloyd louis luca lucas luis luke luigi malcolm manuel marc marco
    marcus mario mark martin marvin mason matt matteo matthew maurice max maxim michael miguel
    mike mikhail milton mitch mitchell mohamed mohammad mohammed muhammad nathan neil nelson
    newt nicholas nick nicolas niels nigel noah norman olaf oliver omar oscar otto owen pablo
    patrick paul pedro peter phil philip philippe pierre rafael ralph ramon rand randall randy
    raul ray raymond reggie reince reza ricardo richard rick rob robert roberto rod rodney
    roger roman ron ronald ross roy rudy rupert russell ryan salman samuel scott sean
    sebastian sergei sergio seth shawn sidney simon stanley stefan stephen steve steven stuart
    sven ted thomas tim timothy todd tom tommy tony travis trevor tyler umar vernon
    victor viktor vincent vladimir walter warren wayne wesley william willie xavier yusuf
    zachary zach"""
)
FEMALE_NAMES = _w(
    """abby abigail ada adriana agnes aisha alice alicia alison allison amanda amber amelia amy
    ana anastasia andrea angela angelina anita ann anna anne annette annie antonia april ariana
    ashley audrey ava barbara beatrice becky belinda beth betsy betty beverly bianca brenda
    bridget brittany brooke camila carla carly carmen carol caroline carolyn cassandra catherine
    cathy cecilia celia charlotte chelsea cheryl chloe christina christine cindy claire clara
    claudia colleen condoleezza connie constance courtney crystal cynthia daisy danielle
    daphne darlene dawn deborah debbie debra denise diana diane dolores donna doris dorothy
    edith eileen elaine eleanor elena elisa elizabeth ella ellen eloise elsa emily emma erica
    erika erin esther eva evelyn fatima fiona florence frances gabriela gabrielle gail gina
    gisele gloria grace gretchen gwen hannah harriet hayley heather heidi helen helena hillary
    holly hope huma ida ingrid irene iris isabel isabella ivanka jackie jacqueline jane janet
    janice jasmine jean jeanne jennifer jenny jessica jill joan joanna joanne jocelyn josephine
    joy joyce judith judy julia julie june karen karin kate katherine kathleen kathryn kathy
    katie katrina kay kayla kellyanne kimberly kirsten kristen kristin laura lauren
    leah leila lena lily linda lindsay lisa liz lois loretta lorraine louise lucia
    lucy lydia lynn madeleine madeline madison maggie mandy marcia margaret margarita maria
    marian marie marilyn marina marion marjorie martha mary maureen megan megyn melania melanie
    melissa michele michelle mildred miranda molly monica nadia nancy naomi natalia natalie
    natasha nicole nikki nina nora norma olga olivia pam pamela patricia paula pauline peggy
    penelope penny phyllis priscilla rachel rebecca regina renee rhonda rita roberta rosa
    rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah selena shannon sharon
    sheila shirley silvia simone sofia sonia sophia sophie stacy stella stephanie susan
    suzanne svetlana sylvia tamara tammy tanya tara teresa theresa tiffany tina tracy ursula
    valentina valerie vanessa vera veronica victoria violet virginia vivian wanda wendy whitney
    yolanda yvonne zoe"""
)


def name_gender(first: str) -> str | None:
    """``m``, ``f`` or None for a first name (any case)."""
    low = first.lower().strip(".")
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return None
