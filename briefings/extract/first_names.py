"""Common given names by the gender they usually carry, for pronoun resolution ("she said").

Data, not rules: a name missing here only means the gender is unknown, and an unknown gender
is compatible with either pronoun. Names common for both (Jordan, Alex, Sam) are left out.
"""

from __future__ import annotations

MALE = frozenset(
    """
felipe laurent jacques luc francois thierry didier zinedine arsene marcel andres paolo giovanni
alessandro matteo fabio gianluca jurgen dieter wolfgang helmut klaus joachim sven lars nils mikael
henrik piet ruud davor zlatan goran dragan dmitry mikhail yuri oleg andrei alexei nikolai hiroshi
takeshi kenji akira junichiro ichiro shinzo rahul sanjay amit anil sunil vijay raj arjun khalid
tariq mustafa thabo
quentin crispin jeremiah jonah rhys emlyn hywel gwyn iain alasdair hamish fergus callum
aaron abdul abdullah abraham adam adrian ahmed alan albert alberto alejandro alexander alfred ali
alistair allan alvin amir anders andre andreas andrew andy angus anthony antonio arnold arthur
ashraf barack barry ben benjamin benny bernard bernie bill billy bob bobby boris brad bradley
brandon brendan brett brian bruce bryan byron calvin carl carlos cecil chad charles charlie chuck
chris christian christopher clarence claude clifford clint clive colin conor cory craig curtis
dale dan daniel danny darren dave david dean dennis derek desmond dick diego dominic don donald
doug douglas duncan dwayne dwight earl ed eddie edgar edward eli elijah elliot emmanuel enrique
eric erik ernest ernesto eugene evan fernando francesco francis francisco frank franklin fred
frederick gabriel gareth garry gary gavin gene geoff geoffrey george gerald gerard gerhard gilbert
giuseppe glenn gordon graham grant greg gregory guy hamid hank hans harold harry harvey hassan
hector henry herbert herman howard hugh hugo hussein ian ibrahim igor isaac ivan jack jacob jaime
jake james jamie jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jesus jim
jimmy joe joel johan john johnny jon jonathan jorge jose joseph josh joshua juan julian justin
kareem karl keith ken kenneth kevin kirk kofi kurt kyle lance larry lawrence lee leo
leon leonard lewis liam lloyd louis luca lucas luis luke malcolm manuel marc
marco marcus mario mark martin marvin matt matthew maurice max michael miguel mike milton
mitch mitchell mitt mohamed mohammad mohammed muhammad murray nathan neil nelson newt nicholas
nick nigel noah norman oliver omar oscar owen pablo patrick paul pedro pete peter phil philip
pierre rafael ralph ramon randy raul ray raymond reince reuben rex ricardo richard rick rob
robert roberto rod rodney roger roland ron ronald ross roy rudy rupert russell ryan
salman samuel scott sean sebastian sergei sergio seth shane shaun sidney simon stanley
stefan stephen steve steven stuart ted terence terrance terrell terrence terry theodore thomas
tim timothy toby todd tom tommy tony travis trent trevor troy tyler victor vince vincent
vladimir wade walter warren wayne wesley will william willie xavier yusuf zach zachary
""".split()
)

FEMALE = frozenset(
    """
siobhan niamh aoife sinead morag fenella
abigail ada adriana agnes aileen alexandra alice alicia alison amanda amber amelia amy ana
andrea angela angelina anita ann anna anne annette antonia april ashley audrey barbara beatrice
becky belinda bernadette beth betsy betty beverly bonnie brenda bridget brittany camilla candice
cara carla carly carmen carol caroline carolyn carrie catherine cathy cecilia celia charlene
charlotte chelsea cheryl chloe christina christine cindy claire clara claudia colleen connie
cora courtney crystal cynthia daisy dana daniela danielle daphne darlene dawn debbie deborah
debra delia denise diana diane dianne dolores dominique donna doris dorothy edith elaine eleanor
elena elisabeth elise eliza elizabeth ella ellen emily emma erica erin esther ethel eva evelyn
fatima fiona florence frances francesca gabriela gail gemma georgia geraldine gillian gina
giulia gladys gloria grace gwen hannah harriet hayley heather heidi helen helena hilary
hillary holly ingrid irene iris isabel isabella ivanka jacqueline jade jane janet janice
jasmine jean jeanne jennifer jenny jessica jill joan joanna joanne jocelyn josephine joy joyce
judith judy julia julie june karen kate katherine kathleen kathryn kathy katie kay kayla
kellyanne kimberly kirsten kristen kristin laura lauren leah lena lillian
lily linda lisa liz loretta lori lorraine louise lucia lucy lydia lynn madeleine madeline
maggie malala mandy margaret margarita maria marian marie marilyn marion marjorie martha
mary maureen megan melania melanie melinda melissa meredith mia michele michelle mildred
miranda molly monica muriel nadia nancy naomi natalie natasha nicola nicole nikki nina nora
norma olga olivia pamela patricia patty paula pauline peggy penelope penny phyllis priscilla
rachel rebecca regina renee rhonda rita roberta rosa rosalind rose rosemary ruth sabrina
sally samantha sandra sara sarah sharon sheila shelley sheryl shirley silvia sonia sonya
sophia sophie stacey stella stephanie sue susan susanna suzanne sylvia tamara tammy tanya
tara teresa theresa tina tracy ursula valerie vanessa vera veronica vicki victoria viola
violet virginia wanda wendy whitney yolanda yvonne zoe
""".split()
)


def gender_of_first_name(name: str) -> str | None:
    """'m', 'f' or None for a given name ("Hillary" → 'f')."""
    key = name.lower().strip(".")
    if key in MALE:
        return "m"
    if key in FEMALE:
        return "f"
    return None
