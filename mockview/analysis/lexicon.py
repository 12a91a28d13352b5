"""The word lists the analysis works from, kept as data in one place.

Everything here is a plain tuple or mapping so that extending the analysis
(a new filler, a new Result cue, labels in another language) is a one-line
change with no code to read. Patterns are regular-expression fragments
matched case-insensitively against one sentence at a time; ``\\b`` word
boundaries are added by the code that compiles them.
"""

from __future__ import annotations

PARTS = ("situation", "task", "action", "result")

# --- explicit labels -------------------------------------------------------

POINT_LABELS = frozenset({
    "lesson", "lessons", "lessons learned", "learning", "learnings", "what i learned", "learned", "learnt",
    "takeaway", "key learning",
})
"""Labels that say what their sentence is as well as which STAR part: "Lesson: ..." is a lesson learned, where
"Goal:" is only the Task's label (it made "clear goals" of "Goal: fix it before Friday", found by a review), and
"Situation:" or "Result:" only place the sentence (a story's "Situation:" line made a posting's compliance point
through a concept that "situation" names)."""

LABELS: dict[str, str] = {
    # English
    "situation": "situation", "context": "situation", "background": "situation",
    "setting": "situation", "s": "situation",
    "task": "task", "tasks": "task", "goal": "task", "goals": "task", "challenge": "task",
    "objective": "task", "responsibility": "task", "problem": "task", "t": "task",
    "action": "action", "actions": "action", "what i did": "action", "approach": "action",
    "a": "action",
    "result": "result", "results": "result", "outcome": "result", "outcomes": "result",
    "impact": "result", "learning": "result", "learnings": "result", "lessons": "result",
    "what i learned": "result", "r": "result", "learned": "result", "learnt": "result",
    "lesson": "result", "lessons learned": "result", "takeaway": "result", "key learning": "result",
    "my task": "task", "my role": "task", "my goal": "task", "the task": "task", "the goal": "task",
    "the situation": "situation", "the context": "situation", "the result": "result",
    "the outcome": "result", "what i did": "action", "my actions": "action",
    # Spanish, French, German, Portuguese, Italian
    "situación": "situation", "situacion": "situation", "contexto": "situation",
    "tarea": "task", "objetivo": "task", "acción": "action", "accion": "action",
    "acciones": "action", "resultado": "result", "resultados": "result",
    "contexte": "situation", "tâche": "task", "tache": "task", "objectif": "task",
    "actions menées": "action", "résultat": "result", "resultat": "result",
    "résultats": "result", "situação": "situation", "tarefa": "task", "ação": "action",
    "situazione": "situation", "compito": "task", "azione": "action", "risultato": "result",
    "ausgangslage": "situation", "kontext": "situation", "aufgabe": "task", "ziel": "task",
    "handlung": "action", "maßnahmen": "action", "massnahmen": "action", "vorgehen": "action",
    "ergebnis": "result", "resultat": "result",
    "contesto": "situation", "obiettivo": "task", "azioni": "action", "risultati": "result",
    "contexto": "situation", "ações": "action", "acoes": "action", "resultados": "result",
}
"""Label words (lowercase) and the STAR part they announce."""

SINGLE_LETTER_LABELS = frozenset("star")
"""One-letter labels count only with a separator (``S:``, ``T -``), never bare."""

NON_ANSWERS = (
    r"not (?:really )?sure", r"don'?t know", r"no idea", r"n/?a", r"nothing(?: yet)?",
    r"tbd", r"to be decided", r"can'?t remember", r"not applicable", r"none",
)
"""What a labelled part says when it says nothing: such a part is absent."""

# --- STAR cues ---------------------------------------------------------------
# Each cue is (pattern, weight). A sentence's score for a part is the sum of
# the weights of the cues it contains (each cue counted once).

SITUATION_CUES: tuple[tuple[str, float], ...] = (
    (r"at my (?:last|previous|old|current|first) (?:job|role|company|employer|position|team|school|workplace)", 2.0),
    (r"(?:when|while) i was (?:a |an |the |working|at|in|on|leading|studying)", 2.0),
    (r"i (?:was|am) (?:a|an|the|one of|working as|part of|employed)", 1.5),
    (r"i (?:worked|was working) (?:as|at|for|in|on)", 1.5),
    (r"(?:our|my|the) (?:team|company|department|store|ward|school|agency|startup|firm|client|office|shop|restaurant|hospital|project) (?:was|were|had|is|has|ran|used|sold|did|made)", 1.5),
    (r"(?:last|this|that|one|a few|two|three|several) (?:year|month|week|spring|summer|autumn|fall|winter|quarter|semester|term|years|months|weeks)(?: ago)?", 1.0),
    (r"(?:last|one|that|a|on a|on one) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|night|morning|evening|afternoon|january|february|march|april|may|june|july|august|september|october|november|december|christmas|black friday)", 1.0),
    (r"at (?:the|a|my|our) [\w\- ]{0,30}(?:i|we) (?:managed|worked (?:at|in|for)|ran|led|joined|was at)", 1.5),
    (r"in (?:19|20)\d\d", 1.0),
    (r"a (?:few|couple of) (?:years|months|weeks) ago", 1.5),
    (r"there (?:was|were|had been)", 1.0),
    (r"we (?:were|had) (?:a|an|about|around|only|just|no|too|to)", 1.0),
    (r"(?:had|has) (?:been|just)", 0.5),
    (r"(?:background|context|at the time|back then|at that point|in my (?:last|previous|first) role)", 1.5),
    (r"(?:kept|started|began) (?:asking|complaining|calling|failing|breaking|missing|slipping|growing)", 0.5),
    (r"(?:was|were) (?:struggling|falling|losing|running|getting|behind|late|over|under|stuck|unhappy|frustrated|failing|broken|down|slow|growing)", 1.0),
    (r"(?:the problem|the issue|the situation) (?:was|is)", 1.0),
    (r"i was (?:running|managing|leading|working|studying|teaching|coordinating|covering|supporting|handling|on call|on shift|new|one of)", 1.5),
    (r"(?:^|[-*•] ?)(?:worked|working) (?:as|at|for|in)", 1.5),
    (r"i (?:had )?(?:joined|inherited|started (?:at|as|in|on))", 1.0),
    # Spanish, German, French
    (r"(?:trabajaba|estaba|era) (?:como|en|de)", 1.5),
    (r"hace (?:un|una|dos|tres|unos|unas|\w+) (?:año|años|mes|meses|semanas)", 1.5),
    (r"(?:cuando|mientras) (?:trabajaba|era|estaba)", 1.5),
    (r"(?:letztes|vorletztes|im letzten) jahr|vor (?:einem|zwei|drei|\w+) (?:jahr|jahren|monaten)", 1.5),
    (r"(?:habe ich|ich habe|arbeitete ich|ich arbeitete|ich war) (?:\w+ )?als", 1.5),
    (r"il y a (?:un|une|deux|trois|\w+) (?:an|ans|mois)|l'année dernière|je travaillais|quand j'étais", 1.5),
    (r"lavoravo (?:come|in|per)|(?:l'anno|il mese) scors[oa]|(?:due|tre|qualche|\w+) (?:anni|mesi) fa|quando (?:lavoravo|ero)|ero (?:il|la|un|una|responsabile)", 1.5),
    (r"trabalhava (?:como|em|numa?|para)|(?:no )?ano passado|há (?:dois|três|uns|\w+) (?:anos|meses)|quando (?:trabalhava|eu era)|eu era", 1.5),
)

TASK_CUES: tuple[tuple[str, float], ...] = (
    (r"i (?:needed|had|have|was supposed|was expected|was meant) to", 2.0),
    (r"my (?:goal|job|task|role|responsibility|aim|mission|brief|target|challenge|objective|remit) (?:was|is|became)", 2.5),
    (r"(?:the|our) (?:goal|task|aim|objective|target|brief|challenge|mission|assignment)(?: \w+){0,4} (?:was|is|became)", 2.0),
    (r"(?:my|our) (?:duty|responsibility|job|role)\b", 1.0),
    (r"i (?:was|got|had been) (?:asked|tasked|told|assigned|given|responsible|in charge|accountable|expected|chosen|picked|put in charge)", 2.5),
    (r"(?:asked|told|assigned|tasked) me (?:to|with)", 2.0),
    (r"(?:it was|it fell to|it became) (?:my|up to me|on me)", 2.5),
    (r"(?:gave|give|gives|given) me (?:a |the )?(?:target|goal|task|job|deadline|brief|respons[ai]bilit(?:y|ies))", 2.0),
    (r"respons[ai]bilit(?:y|ies)", 1.0),
    (r"i (?:wanted|decided|volunteered|offered|set out|made it my goal) to (?:make sure|ensure|get|find|fix|turn|bring|improve|deliver|reduce|help|change|figure|understand|lead|own)", 1.0),
    (r"(?:i|we) (?:had|needed) (?:only |just )?(?:(?:\w+ ){1,2}(?:days?|weeks?|months?|hours?|minutes?) to|until|by)", 1.0),
    (r"(?:responsible|accountable) for", 1.5),
    (r"(?:in order to|so that|the deadline was|had to be|needed to be|must be)", 1.0),
    (r"my (?:manager|boss|lead|director|ceo|head|supervisor|principal|client) (?:asked|wanted|needed|told|gave|expected)", 1.5),
    (r"(?:owned|owner of|in charge of|lead on|led the effort)", 1.0),
    (r"(?:asked|told|tasked|assigned|wanted|needed|expected|charged|challenged|trusted) me\b", 1.5),
    (r"my (?:\w+ )?(?:quota|goal|target|brief|job|task|aim|objective|remit|mandate)(?: \w+){0,4} (?:was|is|became)", 1.5),
    (r"(?:i set myself|my own goal|i made it my (?:goal|job|mission))", 2.0),
    (r"i (?:really |just )?wanted to (?:make sure|ensure|get|fix|help|find|keep|stop|prove|show)", 1.0),
    (r"(?:the ticket|the case|the project|the account|the decision|it) was (?:mine|my call|on me)", 2.0),
    (r"mi (?:objetivo|tarea|responsabilidad|misión|meta) (?:era|fue)|tenía que|me (?:pidió|pidieron|encargó)", 2.0),
    (r"meine (?:aufgabe|verantwortung|rolle) (?:war|bestand)|mein ziel war|(?:hat|haben) mich gebeten|ich musste|sollte ich", 2.0),
    (r"mon (?:objectif|rôle|travail) était|ma (?:mission|tâche|responsabilité) était|je devais|m'a demandé de", 2.0),
    (r"il mio (?:obiettivo|compito|ruolo) era|dovevo|mi (?:ha|hanno) chiesto di|ero responsabile", 2.0),
    (r"meu (?:objetivo|papel|trabalho) era|minha (?:tarefa|responsabilidade|missão) era|eu precisava|tinha que|me pediu para|me pediram", 2.0),
)

ACTION_CUES: tuple[tuple[str, float], ...] = (
    (r"i (?:(?:also|then|just|once|first|finally|quickly|personally|immediately|maybe|probably|actually|eventually|basically|sort of|kind of|\w+ly) )?(?:decided|started|began|set up|built|wrote|called|met|asked|organi[sz]ed|created|proposed|suggested|spoke|talked|scheduled|ran|led|brought|pulled|sat down|went|took|made|put|reached out|sent|booked|mapped|reviewed|rewrote|split|cut|added|moved|changed|introduced|trained|coached|gave|shared|walked|showed|drafted|designed|tested|tried|used|contacted|emailed|phoned|rang|arranged|negotiated|prioriti[sz]ed|delegated|escalated|documented|listened|interviewed|analy[sz]ed|investigated|dug|traced|checked|compared|measured|tracked|automated|fixed|rebuilt|replaced|paired|presented|pitched|explained|agreed|offered|volunteered|stayed|kept|focused|broke|simplified|restructured|launched|rolled out|set|held|invited|chose|picked|combined|created|collected|gathered|read|learned how|studied|practised|practiced|prepared|recruited|hired|stepped|took over|followed up|pushed|convinced|persuaded|handed|told|got|found|identified|built|migrated|refactored|deployed|opened|closed|filed|raised|flagged|wrote up|summari[sz]ed|calculated|estimated|planned|divided|assigned|asked for|apologi[sz]ed|acknowledged|calmed|reassured|visited|observed|shadowed|spent|worked (?:with|on|through|late|out)|came in|turned|dropped|paused|stopped|re-?ran|re-?wrote|shipped)", 2.0),
    (r"i (?:also |then |just |quickly |personally |immediately |first |finally |actually |eventually )?(?!(?:wanted|needed|liked|loved|hated|hoped|learned|learnt|realised|realized|noticed|believed|seemed|used|supposed|expected|worried|wondered|guessed|assumed|felt|was|had|enjoyed|preferred|owned|lived|earned|joined|inherited|started|dreaded|missed|failed|struggled)\b)\w+ed\b", 1.2),
    (r"^(?:then |and |also |so |next |finally |after that,? )?(?:[a-z]+ed|set|made|took|ran|wrote|built|led|met|put|sent|got|gave|told|kept|held|found|brought|cut|spoke|went|began|chose|drew|taught|sold|paid|won|split|did)\b(?! (?:as|at|for)\b)", 1.5),
    (r"i (?:looked (?:at|into|through|for)|went (?:through|back|over|round|around|to)|sat (?:down|with)|dug into|pushed (?:for|back)|came in|worked (?:out|through|with))", 1.5),
    # Spanish, German, French
    (r"(?:conecté|reproduje|expliqué|instalé|emití|escribí|ayudé|propuse|hablé|llamé|organicé|decidí|revisé|preparé|cambié|creé|hice|busqué|analicé|probé|envié|presenté|me quedé|negocié|contacté|reuní)", 2.0),
    (r"(?:primero|después|luego|entonces|además),? (?:me |le |les |lo |la )?\w+(?:é|í)", 1.5),
    (r"(?:ich habe|habe ich|hab ich)(?: \w+){0,8} (?:ge\w+t|ge\w+en|\w+iert|\w+geschickt|\w+gearbeitet|geschrieben|angefangen)", 1.5),
    (r"(?:zuerst|dann|danach|außerdem|anschließend) (?:habe ich|ich habe|hab ich)", 1.5),
    (r"(?:j'ai|je l'ai|nous avons) (?:d'abord |donc |ensuite |aussi |alors |également )?(?:\w+é|\w+i|fait|pris|mis|écrit|appris|construit|rédigé|organisé|testé|observé|noté)", 2.0),
    (r"(?:d'abord|ensuite|puis|enfin),? (?:j'ai|je)", 1.5),
    (r"(?:ho|abbiamo) (?:prima |poi |quindi |anche )?(?:\w+ato|\w+ito|\w+uto|fatto|scritto|preso|messo|chiesto|proposto|deciso)", 2.0),
    (r"(?:prima|poi|quindi|infine|inoltre),? (?:ho|ho deciso)", 1.5),
    (r"(?:eu )?(?:\w+ei|fiz|escrevi|conversei|decidi|propus|liguei|organizei|criei|montei|analisei)\b", 1.0),
    (r"(?:so|then|first|next|after that|afterwards|finally|instead|meanwhile|once|every (?:day|morning|week|evening)) ?,? ?i\b", 1.0),
    (r"\b(?:first|then|next|after that|afterwards|secondly|finally|step one|to start)\b", 0.5),
    (r"we (?:decided|started|set up|built|wrote|called|met|organi[sz]ed|created|agreed|ran|split|moved|changed|introduced|tested|tried|used|rolled back|rolled out|looked|found|turned|increased|updated|jumped|fixed|migrated|worked|put|added|planned|divided|held|designed|brainstormed|reviewed|analy[sz]ed|reached out|contacted|kept|made|took|went|chose|got|spent)", 1.5),
    (r"(?:i made sure|i ensured|i took (?:ownership|charge|the lead)|my approach was|what i did was|the first thing i did)", 2.0),
    (r"(?:managed to|was able to|took the initiative)", 0.5),
    (r"i (?:\w+ ){0,3}tried to", 1.0),
    (r"i (?:also |then |first )?(?:suggest|talk|explain|write|call|ask|decide|organi[sz]e|create|propose|make|take|check|send|meet|build|fix|test|start|go|prepare|change)\b", 1.0),
)

RESULT_CUES: tuple[tuple[str, float], ...] = (
    (r"(?:as a result|in the end|in the result|the result was|the outcome was|ultimately|eventually|at the end of the day|end result|which (?:led|meant)|this (?:led|meant)|that (?:led|meant)|led to|resulted in|result(?:ing)? in|outcome)", 2.0),
    (r"(?:reduced|increased|improved|cut|saved|grew|raised|lowered|dropped|fell|rose|doubled|halved|tripled|boosted|shortened|sped up|went (?:up|down|from)|came (?:down|back)|down (?:from|to|by)|up (?:from|to|by))", 1.5),
    (r"(?:we|i|they|it|the team) (?:shipped|launched|delivered|hit|met|beat|exceeded|won|closed|finished|completed|passed|signed|renewed|recovered|kept|retained|made the deadline|went live)", 1.5),
    (r"(?:on time|ahead of schedule|under budget|zero (?:\w+ )?(?:errors|defects|complaints|downtime|incidents|mistakes)|no (?:more |further )?(?:complaints|incidents|errors|downtime|repeats?))", 1.5),
    (r"(?:i (?:learned|learnt|realised|realized|took away)|the (?:main |biggest |big |key |real )?lesson (?:i|was|for me|here|there)|lessons? learned|taught me|since then|ever since|these days|now (?:i|we|the|it|our|every|all|has|is|runs|uses)|going forward|from then on|to this day|still (?:use|uses|used|runs|in use))", 1.5),
    (r"(?:promoted|praised|thanked|recogni[sz]ed|award|feedback was|rated|adopted|became (?:the )?standard|rolled out to|asked me to (?:lead|run|train|show|present|do it|take))", 1.5),
    (r"(?:\d+(?:[.,]\d+)?\s?(?:%|percent|per cent|x|times)|[$£€¥]\s?\d[\d,.]*(?:k|m|bn)?|\d[\d,.]*\s?(?:k|m|million|thousand|billion|bn|pounds|dollars|euros))", 1.5),
    (r"(?:from \S+ (?:\w+ )?to \S+|instead of \d+|down to \d+|up to \d+|within (?:a|an|one|two|three|\d+) (?:day|days|week|weeks|month|months|hour|hours|minutes))", 1.0),
    (r"(?:the (?:client|customer|patient|manager|team|users?) (?:was|were|said|renewed|stayed|came back|thanked|loved|agreed))", 1.0),
    (r"(?:worked|paid off|it worked|was a success|successful|happy|satisfied|relieved|got better|improvement)", 0.8),
    (r"(?:a|one|two|three|four|a few|\d+) (?:day|days|week|weeks|month|months|hours?) (?:early|ahead|before the (?:deadline|quarter|end))|ahead of (?:the )?(?:deadline|schedule|plan|time|target)", 1.5),
    (r"(?:he|she|they|it|the client|the customer|the account) (?:renewed|signed|passed|recovered|stayed|came back|agreed to|thanked|paid)", 1.5),
    (r"(?:was|were|got) (?:caught|fixed|corrected|resolved|solved|approved|accepted|adopted|implemented|restored|saved|avoided|prevented)", 1.2),
    (r"no (?:\w+ )?(?:complaints?|corrections?|incidents?|errors?|escalations?|repeats?|falls?|injur(?:y|ies)|downtime|outages?) (?:was|were|have|has|since|requested|filed|reported|at all)", 1.5),
    (r"now (?:\w+s)\b", 0.8),
    (r"(?:total |overall |the )?(?:customer |business )?impact (?:was|of)\b", 1.0),
    (r"(?:i'?ve|we'?ve|i have|we have|has|have) since\b|(?:^|[,;] )by the (?:kickoff|deadline|launch|time|end|next|following|start)\b", 1.5),
    (r"at the end,? (?:we|i|the|it|they|everyone|all|our|my)\b|i (?:learn|have learned|have learnt)\b", 1.5),
    (r"(?:didn'?t|did not|never|no longer) (?:lose|miss|drop|break|fail|have to|need to|happen|repeat|slip)", 1.5),
    (r"(?:(?:but )?i'?m not (?:totally |really |entirely )?sure\W*$|still waiting|waiting (?:on|for) (?:the )?(?:results?|grades?|feedback|decision|outcome|numbers)|fingers crossed|we'?ll see|not (?:finished|done|decided) yet|too early to (?:say|tell)|not sure (?:how|what|whether|if)|never (?:found out|heard|knew)|don'?t know (?:how|what|whether|if)|before (?:the|we|i) (?:\w+ ){0,2}(?:saw|knew|could see|found out|results?|count)|no idea (?:how|what|whether|if))", -2.5),
    (r"went live|on time|all (?:\w+ )?(?:events|milestones|deadlines|orders|targets) (?:ran|were|hit|met)", 1.5),
    # Spanish, German, French
    (r"como resultado|al final|a tiempo|sin recargo|bajaron|subieron|se redujo|aumentó|ahorr\w+|se implementó", 1.5),
    (r"ergebnis|am ende|dadurch|rechtzeitig|gesunken|gestiegen|gespart|erfolgreich|pünktlich", 1.5),
    (r"au final|résultat|aujourd'hui|au lieu d'?\w*|a permis|réduit|augmenté|économis\w+|libère|maintenant", 1.5),
    (r"ringrazi\w+|cliente fisso|non ha (?:saltato|perso)|(?:è|sono) (?:tornat|diventat)\w*|alla fine|risultato|siamo riusciti|è (?:sceso|salito|aumentato|diminuito)|(?:sono|è) (?:diminuit|aumentat|calat|scesi|salit)\w*|risparmi\w*|in tempo|oggi", 1.5),
    (r"no final|resultado|conseguimos|(?:caiu|subiu|aumentou|diminuiu|reduziu)|economiz\w+|a tempo|hoje", 1.5),
)

MEASURABLE = (
    r"\d",
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)",
    r"(?:percent|percentage|per cent|half|halved|halving|double|doubled|doubling|tripled|twice|\w+fold"
    r"|thousands?|millions?|hundreds?|dozens?)",
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred) (?:\w+ )?(?:days?|weeks?|months?|hours?|minutes?|people|customers|clients|users|tickets|complaints|errors|percent|points|times|sales|orders|patients|students|files|staff)",
)
"""What makes an outcome measurable: a number, a proportion, a count."""

FEELINGS = (
    r"(?:was|were|is|are|be|been|being|felt|feel|feels|seemed|seems|looked|got|became|become|run|runs|ran|went"
    r"|goes|going)(?: (?:\w+ly|much|a lot|far|so|very|quite|more|even|a bit|a little))* (?:happy|happier|pleased|glad|satisfied"
    r"|impressed|grateful|relieved|thrilled|delighted|better|fine|great|good|nice|smooth|smoothly|well|positive"
    r"|calmer|confident|comfortable|motivated|easier|proud|upset|unhappy)"
    r"|morale|motivation|mood|atmosphere|team spirit|confidence|relationships?|got along|gets along|get along"
)
"""How people felt about it: a checkable phrase whose clause says this ("all the customers were really
pleased", "the project now runs smoothly", "across the board morale improved") is a feeling, not an
outcome anyone could check. Only after a verb of being or feeling: "used at every site as well" is
still checkable."""

HARMS = (r"(?:injur(?:y|ies)|falls?|accidents?|complaints?|errors?|mistakes?|returns?|refunds?|breach(?:es)?"
         r"|downtime|escalations?|incidents?|defects?|failures?|outages?|delays?|cancellations?|losses"
         r"|no-shows?|near misses|sick days)\b")
"""Harm an outcome can count none of: "we had zero falls", "we saw no complaints after that"."""

UNMET = (r"\b(?:not|never|didn't|couldn't|wasn't|weren't|won't|failed to|would|will|could|should|might|hope|hoped|hoping"
         r"|wish|always|usually|normally|next time|(?:i|we|you|they)'d|(?:like|love|prefer) to|(?:have|has|had|need|needed|want|wanted|plan|planned|meant|supposed|trying"
         r"|tried|aim|aimed|hoped|going|asked (?:me|us|them|him|her)) to|(?:goal|aim|plan|job|task|target) (?:is|was) to)\b")
"""Words that, earlier in the clause, make a checkable phrase denied, meant or habitual, not an outcome:
"we didn't finish on time", "my goal was to finish a week early", "I always deliver on time"."""

CHECKABLE = (
    # Nothing went wrong, counted as none: "no missed doses", "nobody got hurt", "none of them reached production".
    r"(?:no|zero|nobody|none|no one|not one|not a single|nothing)(?: \w+){0,2}? (?:(?:was|were|got) (?:hurt|injured|harmed"
    r"|lost|missed|affected|charged|used|late|left|stranded|delayed|cancelled|fined|sent back)|had to|came back"
    r"|went (?:missing|wrong|out late)|reached|missed|lost|failed|complain\w*|complaints?|errors?|incidents?"
    r"|missing|mistakes?|issues?|outages?|defects?|returns?|escalations?|needed (?:treating|treatment|fixing|redoing))",
    # ...or did not come back: "we didn't have another late refund", "without a missed call", "no more falls".
    # "the register was never signed blind on my shifts again"
    r"no more|never again|never (?!(?:want|wanted|wish|hope|hoped|plan|planned|intend)\b)(?:\w+ ){1,6}?again"
    r"|not (?:\w+ ){0,3}again|without (?:a|any) (?:single )?(?:missed|lost|late|failed"
    r"|errors?|complaints?|incidents?|mistakes?|breaks?|outages?|returns?|delays?|calls?|falls?|faults?|hitch(?:es)?"
    r"|glitch(?:es)?|problems?|accidents?|injur(?:y|ies)|breakdowns?)"
    r"|(?:didn't|did not|haven't|hasn't|hadn't|never) (?:have|had|take|took|see|saw|get|got) (?:another|any|a single)"
    r"|no (?:higher|lower|worse|longer) than"
    # ...nor since: "the pipeline has not failed since", "we haven't had a single fall since".
    r"|(?:has|have|had)(?:n't| not| never)(?: \w+)? (?:failed|broken|crashed|fallen over|gone down|recurred"
    r"|happened|come back|slipped|been (?:late|missed|wrong|down))(?: \w+){0,3}? since",
    # Taken up by others, and still in use: "my manager now uses my tracker", "the checklist now sits in...".
    r"(?:started (?:using|forwarding|sharing|copying|sending|recommending|asking for)|(?:was|were) introduced|became (?:the|our) (?:standard|default|norm)|rolled out"
    r"|(?:was|were) adopted|adopted (?:it|them|the|my|our)|made it (?:the|a) standard|(?:is|are) still used"
    r"|(?:now|still) (?:uses?|sits?|keeps?|runs?|checks?|rings?|reads?))",
    # A customer who came back for more: "he came back a month later and bought a printer", "she ordered again".
    r"came back (?:\w+ ){0,4}?(?:and )?(?:bought|ordered|booked|renewed|signed|spent)"
    r"|(?:bought|ordered|booked|renewed|signed up) (?:\w+ ){0,3}?again|became (?:a )?regulars?",
    # Across a whole unit: "on every resident's clothes", "obligatory for all the waiters". Not time or effort:
    # "every week after that got easier", "all the hard work" are no unit anyone could count.
    r"(?:every|each|all the|all our|across (?:the|all|every)) (?!(?:of|one|time|times|best|way|same|day|days|week"
    r"|weeks|month|months|year|years|morning|night|hard|work|effort|efforts|board|bit|thing|things|step|steps)\b)\w+",
    # The loss counted after its verb: "lost no sales", "had zero falls", "didn't lose a single order",
    # "without losing anyone". What something lost is an outcome; what someone *had* only when it is
    # harm ("had no complaints", not "had no backup plan", "had no authority", "had zero visibility").
    r"(?:lost|missed|dropped|wasted) (?:no|zero|not (?:a|one)(?: single)?) (?!(?:time|sleep|chance|opportunity)\b)\w+"
    r"|(?:had|saw|recorded|logged|got|received|caused|needed) (?:no|zero|not (?:a|one)(?: single)?) (?:\w+ )?"
    rf"{HARMS}"
    rf"|zero {HARMS}"
    r"|(?:didn't|did not|never) (?:lose|miss|drop|waste|spill|break) (?:a single|one|any)"
    r"|without (?:losing|missing|dropping|cancelling|closing|breaking) (?:a single |one |any )?\w+",
    # On time, to the deadline or ahead of it: "the report went out on time", "we delivered on time and on
    # budget", "we hit the deadline with a day to spare", "we finished a week early". Not when denied or
    # only meant ("we didn't finish on time", "I had to hit the deadline"): see UNMET.
    r"on (?:time|schedule|budget)|under budget|ahead of (?:schedule|time|the deadline)"
    r"|(?:made|hit|met|beat) (?:the|our|that|every|each) (?:\w+ )?deadlines?"
    r"|(?:a|an|one|two|three|four|five|six) (?:day|days|week|weeks|hour|hours|month|months) (?:early|ahead|to spare)"
    r"|on (?:its|the|our|their) (?:original|planned|agreed|scheduled|usual) (?:date|day|time|deadline)",
    # A mark, a place or an award someone else gave: "we got the top mark in the module", "won the tender",
    # "passed the inspection first time".
    r"(?:top|highest|best) (?:mark|marks|grade|grades|score|scores|rating|ratings)|first (?:place|prize)"
    r"|(?:won|awarded|earned|received|got|given|gave (?:me|us|our team|my team)) (?:the|a|an|our|my|first) (?:[\w']+ )?(?:award|prize|contract|tender"
    r"|bid|grant|distinction|commendation|medal|trophy)|passed (?:\w+ ){0,3}?first time",
    # Brought down to none: "failed checkouts dropped to almost zero", "complaints fell to nothing".
    r"(?:dropped|fell|cut|down|came down|went down|brought (?:\w+ )?down|reduced) to (?:almost |nearly |close to "
    r"|practically |virtually )?(?:zero|nothing|none|nil)",
)
"""What makes an outcome checkable without a figure: nothing went wrong or came back, others took it up,
it reached a whole unit. Coaches sign "No force was used, nobody was hurt" or "my manager now uses my
tracker for every inspection" as a concrete Result; "things got a lot better after that" stays vague.
Written from the judge tuning and training answers (tests/data/judge/tuning, tests/data/judge-train):
`python bench/eval_judge.py train` shows what they change there."""

# --- delivery ----------------------------------------------------------------

FILLERS: dict[str, str] = {
    "um": r"u+m+", "uh": r"u+h+", "er": r"e+r+m*", "hmm": r"hm+",
    "you know": r"you know(?! (?:what|how|that|where|who|when|why|if|the|a|an|it|him|her|them|me)\b)",
    "basically": r"basically", "literally": r"literally", "actually": r"actually",
    "sort of": r"sort of", "kind of": r"kind of|kinda", "i mean": r"i mean(?! (?:it|that|the|to)\b)",
    "like": r"like(?=,)|(?<=, )like(?= (?:um|uh|er|really|so|totally|just|super|very|literally|basically|okay|ok)\b)|(?<=\bum )like|(?<=\buh )like",
}
"""Filler words and phrases; "like" only where it is a filler, never "I like"."""

NOT_FILLER_AFTER: dict[str, frozenset[str]] = {
    "sort of": frozenset("what this that the a any one some same which every different".split()),
    "kind of": frozenset("what this that the a any one some same which every different".split()),
    "like": frozenset("i you we they he she d would looks look feel feels felt something much more t".split()),
    "i mean": frozenset(["what"]),
}
"""A filler phrase is not one after these words: "what kind of role"."""

EMPLOYER_PEOPLE = (r"(?:my|our|the) (?:(?:current|present|last|previous|old|former|ex|new|line|direct|store|shop|ward|area"
                   r"|regional|general|team) )?(?:manager|managers|boss|bosses|supervisor|director|directors|colleague"
                   r"|colleagues|coworker|coworkers|co-worker|co-workers|team lead|team leader|owner|owners|leadership"
                   r"|management|people I work with)")
"""The people an interview complaint runs down: the speaker's manager, boss or colleagues."""

EMPLOYER = (rf"{EMPLOYER_PEOPLE}|(?:my|our|the|this|that) (?:(?:current|present|last|previous|old|former|new) )?"
            r"(?:company|employer|firm|team|job|workplace|department|organisation|organization|head office)")
"""The employer as a whole too: outside a story, "my job is a nightmare" runs it down as well."""

INSULTS = (r"(?:a |an )?(?:(?:absolute|total|complete|utter|real|bit of a) )?(?:nightmare|joke|idiot|idiots|mess|shambles)"
           r"|toxic|useless|incompetent|clueless|hopeless|idiotic|stupid|lazy|pathetic|rubbish|dysfunctional"
           r"|terrible|awful|horrible|bad at (?:his|her|their) jobs?|backstabbing|bullies|bullying")
"""Running someone down: said of the speaker's manager or colleagues in an interview, any answer sounds a warning."""

GRIEVANCES = (r"micromanag\w+|(?:takes|took|steals|stole|keeps taking) (?:all )?(?:the |our |my )?credit"
              r"|(?:doesn't|don't|didn't) (?:really )?(?:care|listen|cared|listened|respect)"
              r"|treat(?:s|ed)? (?:\w+ )?(?:people|us|staff|everyone|me|employees) (?:badly|terribly|like dirt|like rubbish)"
              r"|plays? favourites|shouts? at (?:us|people|everyone|staff)")
COMPANY_TREATMENT = (r"(?:my|our|the) (?:(?:current|present|last|previous|old|former) )?(?:company|employer|firm"
                     r"|organisation|organization|workplace)(?: \w+)? treat(?:s|ed)? (?:\w+ )?(?:people|us|staff|everyone"
                     r"|me|employees|workers) (?:badly|terribly|like dirt|like rubbish|like numbers)")
"""The one grievance said of the employer as a whole ("my company treats its staff badly"); "this company"
is the one applied to, and "the company doesn't care about job titles" is praise."""
STANDING_GRIEVANCES = (r"(?:my|our|the) (?:pay|salary|money) (?:there )?(?:is|was|'s) (?:terrible|awful|rubbish|a joke"
                       r"|pathetic|poor|bad)|(?:i'm|i am|we're|we are|we were|i was) (?:so |really |badly )?underpaid"
                       r"|nobody (?:there|here) (?:listens|cares)|there(?:'s| is| was) (?:a lot of |so much )?favouritism")
"""Grievances that are the story in a conflict question ("my manager micromanaged every ticket"), and a
warning when given as the reason to leave or to apply: counted only for a question about leaving or
joining (see :func:`mockview.analysis.delivery.employer_complaints`)."""

STOCK_PHRASES: dict[str, str] = {
    "team player": r"team[- ]player", "hard-working": r"hard[- ]?working(?! (?:nights|night|shifts|hours|days|weekends|conditions|long))|hard worker",
    "above and beyond": r"above and beyond", "the extra mile": r"extra mile",
    "outside the box": r"outside (?:of )?the box", "results-driven": r"results?[- ](?:driven|oriented|focused)",
    "detail-oriented": r"detail[- ]oriented", "proven track record": r"proven track record",
    "self-starter": r"self[- ]starter", "go-getter": r"go[- ]getter", "fast learner": r"(?:fast|quick) learner",
    "people person": r"people person", "perfectionist": r"perfectionist",
    "thrive under pressure": r"thrives? (?:under|on) pressure", "work well under pressure": r"works? well under pressure",
    "work ethic": r"(?:strong|great|good|excellent) work ethic",
    "communication skills": r"(?:excellent|great|strong|good) communication skills",
    "add value": r"add(?:s|ing)? value", "hit the ground running": r"hit the ground running",
    "wear many hats": r"wear(?:ing)? many hats", "synergy": r"synergy", "passionate": r"passionate",
    "highly motivated": r"highly motivated|motivated individual", "can-do attitude": r"can[- ]do attitude",
    "110%": r"(?:give|gives|giving|gave|given) (?:it )?1[12]0 ?(?:%|percent|per cent)", "natural leader": r"natural(?:[- ]born)? leader",
    "problem solver": r"problem[- ]solver", "go-to person": r"go[- ]to (?:person|guy|girl)",
    "work too hard": r"(?:work|works|worked|working) too hard",
    "care too much": r"(?:care|cares|cared|caring) (?:too|so) much",
}
"""What every candidate says of themselves ("team player", "go above and beyond"): a claim with nothing in
it an interviewer could check. In the judge corpora they turn up only in answers a coach marks weak or
ok, never in a strong one. An answer with a figure of its own, something that happened or an outcome
anyone could check backs them (see :attr:`mockview.analysis.delivery.DeliveryReport.stock_unbacked`)."""

DISGUISED_STRENGTHS = ("perfectionist", "work too hard", "care too much")
"""Stock phrases that are strengths dressed as weaknesses: given as the weakness with nothing behind
them, they make no weakness point ("I'm too much of a perfectionist... I guess that's my weakness"
was credited with "my weakness" and called ok, where every coach calls it the answer to avoid)."""

HEDGES: dict[str, str] = {
    "i think": r"i think(?! outside)", "maybe": r"maybe", "perhaps": r"perhaps", "i guess": r"i guess",
    "probably": r"probably", "i feel like": r"i feel like",
    # "just" as "only", before a count or a few people, is exact, not a hedge: "just us two", "just 40%".
    "just": r"just(?! (?:as|in time|before|after|now|then|under|over|enough|once|twice|a (?:few|couple|handful)"
            r"|us|me|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
            r"|a hundred|a day|a week|a month|an hour|a minute)\b| \d| [$£€])",
    "i suppose": r"i suppose", "somewhat": r"somewhat", "i believe": r"i believe",
    "hopefully": r"hopefully", "not sure": r"not (?:totally |really |entirely )?sure",
}
"""Hedges: words that make a statement sound less sure than it is."""

FIRST_PERSON_SINGULAR = ("i", "me", "my", "myself", "mine")
FIRST_PERSON_PLURAL = ("we", "us", "our", "ourselves", "ours")

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't could couldn't did didn't do does doesn't doing don't
    down during each even every few for from further get got had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
    into is isn't it it's its itself just let's like made make me more most much must mustn't my myself
    no nor not now of off on once one only or other ought our ours ourselves out over own really same
    she she'd she'll she's should shouldn't so some such than that that's the their theirs them
    themselves then there there's these they they'd they'll they're they've this those though through
    to too two under until up upon us very was wasn't we we'd we'll we're we've were weren't what
    what's when when's where where's which while who who's whom why why's will with won't would
    wouldn't you you'd you'll you're you've your yours yourself yourselves also still back well
    went go going gone took take things thing lot lots many way ways able around first next last
    three four five time times day days week weeks month months year years um uh er basically actually
    literally maybe perhaps probably yes yeah ok okay sure right since each whole another kind sort
    """.split()
)
"""Words too common to count as something a person "leans on"."""

ABBREVIATIONS = frozenset(
    """
    e.g i.e etc vs mr mrs ms dr prof sr jr st approx dept est fig inc ltd co corp jan feb mar
    apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m u.s u.k e.u u.n ph.d
    b.sc m.sc cf al ca approx min max avg incl govt
    """.split()
)
"""Words ending in a full stop that does not end the sentence."""
