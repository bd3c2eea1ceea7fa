#!/usr/bin/env python3
"""Writes tests/dedup/corpus.jsonl from the articles below (run after editing them).

The dedup evaluation corpus, written for annals: invented reports of invented events in
real places, several outlets telling the same event in their own words (different
counts, wording, actor names, and a day later), and near misses: the same kind of event
in a town more than 25 km away, with other actors, or on another day. expected.tsv
gives the real-world event each article reports."""
import json
import os

A = []


def art(id, source, date, title, text):
    A.append({"id": id, "source": source, "date": date, "title": title, "text": " ".join(text.split())})


# E1 farmers block the ring road of Lyon, Tuesday 2023-03-14.
art("e1-rhone", "Rhone Depeche", "2023-03-14", "Farmers block Lyon ring road with tractors",
    """LYON - Hundreds of farmers protested in Lyon on Tuesday, driving some 200 tractors onto the
    city's ring road to denounce rising fuel costs and new water restrictions. Traffic was
    halted for several hours. The farmers' union said the protest would continue until the
    prefect agreed to meet them.""")
art("e1-eurowire", "Euro Wire", "2023-03-15", "French farmers snarl traffic in Lyon",
    """Angry French farmers demonstrated in the city of Lyon on Tuesday, parking their tractors
    across the main ring road. About 400 farmers took part, according to the police. They
    oppose a plan to cap the water that farms may draw from rivers during the summer.""")
art("e1-agri", "AgriNews", "2023-03-14", "Growers take tractors to Lyon",
    """Grain and dairy farmers rallied in Lyon on Tuesday to protest against water limits and
    diesel prices. The farmers blocked the ring road near the Perrache interchange with their
    tractors, and union leaders addressed the crowd from a trailer.""")
# Near miss: students protest in Lyon the same day (other actors).
art("n1-campus", "Campus Daily", "2023-03-14", "Students march in Lyon against tuition rise",
    """LYON - Thousands of university students protested in Lyon on Tuesday against a planned
    rise in tuition fees. The students marched from the university campus to the town hall,
    chanting slogans against the education ministry.""")
# Near miss: farmers protest in Grenoble the same day (about 95 km away).
art("n1-alpes", "Alpes Info", "2023-03-14", "Farmers protest in Grenoble",
    """GRENOBLE - Several hundred farmers protested in Grenoble on Tuesday, blocking the roads
    around the prefecture with tractors to denounce water restrictions in the Isere valley.""")

# E2 gunmen attack a village near Maiduguri, Saturday 2022-09-10.
art("e2-sahel", "Sahel Monitor", "2022-09-11", "Gunmen kill 12 villagers near Maiduguri",
    """MAIDUGURI, Nigeria - Gunmen killed 12 villagers in an attack on Konduga, near Maiduguri in
    Borno state, on Saturday, residents said. The attackers, suspected Boko Haram
    militants, arrived on motorcycles, opened fire on residents and burned several houses.""")
art("e2-lagos", "Lagos Ledger", "2022-09-10", "Insurgents attack Konduga",
    """Suspected Boko Haram insurgents attacked the town of Konduga in Borno state on Saturday,
    killing at least ten people, a local official said. Dozens of residents fled to
    Maiduguri after the militants shot at villagers and set homes on fire.""")
art("e2-wire", "Continental Wire", "2022-09-11", "Nigeria: militants kill villagers in Borno",
    """Islamist militants killed 11 civilians in the town of Konduga in northeastern Nigeria on
    Saturday, a military source said. The militants attacked the town at dusk and
    killed villagers before troops arrived.""")
# Near miss: the same town attacked again five days later.
art("n2-again", "Sahel Monitor", "2022-09-15", "Konduga attacked again",
    """MAIDUGURI, Nigeria - Gunmen attacked Konduga in Borno state again on Thursday, killing
    four farmers in their fields, residents said, five days after a raid on the town.""")
# Near miss: another attack the same day in Bama, about 60 km away.
art("n2-bama", "Lagos Ledger", "2022-09-10", "Attack in Bama",
    """Gunmen killed six people in an attack on the town of Bama in Borno state on Saturday,
    residents said. The gunmen shot at traders in the market.""")

# E3 teachers march in Santiago, Thursday 2023-06-01.
art("e3-andes", "Andes Herald", "2023-06-01", "Teachers march in Santiago over pay",
    """SANTIAGO - Tens of thousands of teachers marched through central Santiago on Thursday to
    demand higher salaries and smaller classes. The teachers' union said 50,000 people took
    part in the protest, which ended peacefully outside the presidential palace.""")
art("e3-southern", "Southern Cone Post", "2023-06-02", "Chile's teachers take to the streets",
    """Chilean teachers protested in Santiago on Thursday, the biggest march of the school year.
    Police estimated the crowd at 20,000 teachers, who demanded a new pay agreement from the
    education ministry.""")
# Near miss: teachers march in Valparaiso the same day (about 100 km away).
art("n3-valpo", "Coastal News", "2023-06-01", "Teachers march in Valparaiso",
    """VALPARAISO - Several thousand teachers marched in Valparaiso on Thursday in support of the
    national pay demands, walking along the seafront to the regional government offices.""")

# E4 police detain activists in Istanbul, Sunday 2022-07-03.
art("e4-bosphorus", "Bosphorus Daily", "2022-07-03", "Police detain dozens of activists in Istanbul",
    """ISTANBUL - Turkish police detained 45 activists in Istanbul on Sunday as they tried to
    hold a banned march near Taksim Square, the organisers said. Officers handcuffed the
    activists and took them away in buses.""")
art("e4-euro", "Euro Wire", "2022-07-04", "Turkey: dozens arrested at banned Istanbul march",
    """Police in Istanbul arrested about 40 activists on Sunday who had gathered for a march that
    the governor had banned, a lawyers' group said. The police detained the activists in the
    Beyoglu district.""")
# Near miss: police detain activists in Ankara the same day.
art("n4-ankara", "Anatolia Today", "2022-07-03", "Activists detained in Ankara",
    """ANKARA - Police detained 15 activists in Ankara on Sunday after they unfurled a banner in
    front of parliament, a rights group said.""")

# E5 air strike on Idlib, Wednesday 2021-10-20.
art("e5-levant", "Levant Report", "2021-10-20", "Air strike kills 11 in Idlib",
    """IDLIB, Syria - An air strike killed 11 people, including children, in the city of Idlib on
    Wednesday morning, rescue workers said. Warplanes struck a residential area near the
    main market, destroying two buildings.""")
art("e5-wire", "Continental Wire", "2021-10-21", "Syria: warplanes hit Idlib market area",
    """Warplanes bombed a crowded neighbourhood in Idlib city in northwestern Syria on Wednesday,
    killing at least 13 civilians, a monitoring group said. The air strikes wounded more
    than 20 people.""")
art("e5-med", "Mediterranean Times", "2021-10-20", "Deadly raid on Idlib",
    """Russian jets carried out an air strike on Idlib on Wednesday, killing nine civilians and
    wounding dozens, local medics said.""")
# Near miss: an air strike on Aleppo the next day (about 60 km away).
art("n5-aleppo", "Levant Report", "2021-10-21", "Air strike hits Aleppo countryside",
    """ALEPPO, Syria - An air strike killed three people near Aleppo on Thursday, rescue workers
    said, a day after a deadly raid on Idlib.""")

# E6 riot and looting in Durban, Monday 2021-07-12.
art("e6-natal", "Natal Mercury Wire", "2021-07-12", "Looters ransack Durban shops",
    """DURBAN - Rioters looted shops and set fire to a shopping centre in Durban on Monday as
    unrest spread across KwaZulu-Natal. Police fired rubber bullets to disperse the looters
    and arrested 62 people.""")
art("e6-jozi", "Johannesburg Star Wire", "2021-07-13", "Durban rocked by looting",
    """Crowds of rioters looted supermarkets and malls in Durban on Monday, the police said, and
    more than 60 people were arrested. Security guards watched as looters carried away
    televisions and food.""")
# Near miss: rioting in Johannesburg the same day (about 500 km away).
art("n6-joburg", "Johannesburg Star Wire", "2021-07-12", "Rioters loot Johannesburg stores",
    """JOHANNESBURG - Rioters looted stores in the Johannesburg suburb of Alexandra on Monday, and
    police arrested 30 people.""")

# E7 climate activists block a motorway in The Hague, Saturday 2023-01-28.
art("e7-polder", "Polder Post", "2023-01-28", "Climate activists block motorway in The Hague",
    """THE HAGUE - Hundreds of climate activists blocked the A12 motorway in The Hague on Saturday
    to protest against fossil fuel subsidies. Police detained 700 protesters and used water
    cannon to clear the road.""")
art("e7-lowlands", "Lowlands Daily", "2023-01-29", "Mass arrests at Hague climate protest",
    """Dutch police arrested more than 700 climate protesters who blocked a motorway in The Hague
    on Saturday, the city said. The activists demand an end to tax breaks for oil companies.""")
# Near miss: the same protest a week later at the same place.
art("n7-week", "Polder Post", "2023-02-04", "Activists return to the A12",
    """THE HAGUE - Climate activists blocked the A12 motorway in The Hague again on Saturday, a week
    after a similar protest. Police detained 200 protesters.""")

# E8 migrant camp evicted in Calais, Tuesday 2022-02-15.
art("e8-cote", "Cote d'Opale Info", "2022-02-15", "Police clear migrant camp in Calais",
    """CALAIS - Police evicted about 300 migrants from a makeshift camp in Calais on Tuesday and
    seized dozens of tents, aid groups said. The migrants were taken by bus to shelters.""")
art("e8-channel", "Channel Times", "2022-02-16", "Calais camp dismantled",
    """French police dismantled a migrant camp in Calais on Tuesday, removing tents and
    belongings, according to a charity that works with migrants. The charity said 250
    people lived in the camp.""")
# Near miss: a camp evicted in Dunkirk the same day (about 40 km away).
art("n8-dunkirk", "Cote d'Opale Info", "2022-02-15", "Camp evicted in Dunkirk",
    """DUNKIRK - Police also evicted migrants from a camp in Grande-Synthe near Dunkirk on
    Tuesday, seizing tents, a charity said.""")

# E9 talks in Doha between two parties, signed agreement, Friday 2020-02-28 (verbal event).
art("e9-gulf", "Gulf Chronicle", "2020-02-28", "Rivals sign agreement in Doha",
    """DOHA - Negotiators of the government of Sudan and a rebel alliance signed a peace agreement in
    Doha on Friday after three months of talks, the Qatari foreign ministry said.""")
art("e9-wire", "Continental Wire", "2020-02-29", "Sudan and rebels agree peace deal",
    """Sudan's government and the rebel alliance signed an agreement in Doha on Friday to end years
    of fighting, officials said.""")

# E10 taxi drivers protest in central Paris, Wednesday 2023-10-11; near miss: taxi
# drivers at Charles de Gaulle airport the same day, 23 km away (the rule cannot tell).
art("e10-seine", "Seine Info", "2023-10-11", "Taxi drivers jam central Paris",
    """PARIS - Hundreds of taxi drivers protested in central Paris on Wednesday against ride-hailing
    apps, driving slowly around the Place de la Nation and blocking traffic for hours.""")
art("e10-wire", "Euro Wire", "2023-10-12", "Paris cabbies protest against apps",
    """Paris taxi drivers demonstrated in the French capital yesterday, saying ride-hailing companies
    are destroying their trade. Some 600 taxis took part, police said.""")
art("n10-airport", "Air Transport Daily", "2023-10-11", "Taxi protest at Charles de Gaulle",
    """ROISSY-EN-FRANCE - About 150 taxi drivers protested at Charles de Gaulle airport on Wednesday,
    blocking the taxi ranks of terminal 2 to demand a fixed fare for airport trips.""")

# E11 police and protesters clash in Kinshasa, Friday 2024-01-12, told with the roles
# either way round.
art("e11-congo", "Congo Daily", "2024-01-12", "Police clash with opposition supporters in Kinshasa",
    """KINSHASA - Police fired tear gas at opposition supporters in Kinshasa on Friday after they
    tried to march to the electoral commission. Several protesters were injured.""")
art("e11-wire", "Continental Wire", "2024-01-13", "Protesters and police fight in Kinshasa",
    """Opposition protesters threw stones at police officers in Kinshasa on Friday, and the police
    responded with tear gas, witnesses said.""")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl"), "w") as f:
    for a in A:
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
print(len(A), "articles")
