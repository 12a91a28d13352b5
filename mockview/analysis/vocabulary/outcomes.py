"""Outcomes: what the work achieved, and how the answer shows it.

Covers the result itself and a measurable result (both also read from a
story's shape), the impact and its cost, money saved, revenue won, time
saved, quality and other things getting better, numbers that went up or
down against a baseline, outcomes for customers, recognition, adoption by
others, delivering and meeting the deadline or the target, changes that
lasted, and the candidate's own part in them.
"""

from __future__ import annotations

from mockview.analysis.vocabulary.model import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "result",
        "The result: how the story ended, what the action achieved.",
        names=("result", "outcome", "end result", "how it ended", "final outcome", "what happened in the end"),
        phrasings=(
            "in the end", "the result|outcome was", "as a result", "end result", "ended up", "by the end",
            "at the end of", "resulted in", "led to", "paid off", "it worked", "which meant", "this meant",
            "that meant", "successfully", "we achieved|delivered|managed", "i achieved|delivered", "achieved ... result|results|goal",
            "delivered ... result|results", "the upshot", "came out of it", "track record of",
        ),
        structural="result",
    ),
    Concept(
        "measurable-result",
        "A measurable result: the outcome given in numbers, a metric or a before-and-after.",
        names=("measurable", "measurable result", "quantified", "kpi", "quantifiable result", "hard numbers"),
        phrasings=(
            "{number} percent|percentage|points", "{number} per cent", "increased|reduced|grew|cut|dropped|fell|rose ... by {number}", "went from {number}",
            "{number} hours|minutes|days|weeks|months|pounds|dollars|euros|customers|users|people|tickets|calls|orders|sales|complaints|errors",
            "measured|measure|measuring|tracked|tracking ... impact|result|results|time|rate|improvement|progress|success",
            "kpi|kpis|metric|metrics", "hard numbers", "conversion rate", "error rate", "response time",
            "went from", "up|down by {number}", "doubled|halved|tripled", "doubled|halved|tripled|quadrupled in|by|to|from|within|over|after|again|overnight", "quantify|quantified|quantifiable",
            "nps|csat", "dashboard showed", "churn|retention|conversion|attrition ... rate|rates", "active users", "monthly|weekly|daily active", "churn",
        ),
        structural="measurable",
    ),
    Concept(
        "impact",
        "The impact or effect of the work, or of a problem: who and what it changed, and how much.",
        names=("impact", "made a difference", "knock-on effect", "consequences", "business impact", "effect on",
               "real difference", "the effect"),
        phrasings=(
            "impact|impacted|impacting|impactful", "was|were|been ... impacted", "impacted by", "made|make ... difference", "big|real|huge|noticeable|massive ... difference",
            "effect on", "knock on effect|effects", "affected|affect|affecting ... customers|users|patients|team|business|clients|orders|people|everyone|sales|revenue|release|deadline|students",
            "consequence|consequences", "meant that", "which meant", "as a result", "resulted in",
            "caused|causing ... delay|delays|outage|outages|problems|complaints|loss|losses",
            "cost us|them", "cost the company|business", "blocked ... team|release|others", "downstream", "ripple",
            "hundreds|thousands|millions ... of ... customers|users|orders|people|patients|pounds|dollars",
            "mattered to", "{number} patients|customers|orders|people|users|clients|students|families|staff ... got|were|had|received|missed|lost|waited", "it|this|which meant", "changed how", "game changer",
        ),
    ),
    Concept(
        "cost-saving",
        "Saving money: lower costs, cheaper ways, less waste, spend avoided.",
        names=("cost saving", "saved money", "savings", "reduced costs", "cut costs", "saved us", "under budget",
               "cheaper", "lower costs"),
        phrasings=(
            "saved|save|saving|savings ... money|pounds|dollars|euros|budget|costs|cost|thousand|thousands|k",
            "saved the company|business|firm|client|trust|council|us", "cost saving|savings",
            "cut|reduced|lowered|slashed|halved ... cost|costs|spend|spending|bill|bills|budget|expenses|overtime|waste",
            "brought down ... cost|costs|spend|bill", "cheaper", "less expensive", "under budget", "within budget",
            "came in under", "cost ... less|half", "{number} pounds|dollars|euros|quid|bucks ... a|per ... year|month",
            "licence|license|licensing ... cost|costs|fee|fees", "cancelled|canceled ... subscription|subscriptions|contract|licences|licenses",
            "renegotiated ... contract|price|rate|deal", "cheaper ... supplier|vendor|option|alternative",
            "avoided ... fine|penalty|cost|costs|charges", "less waste", "reduced|cut ... waste", "no longer paying",
            "stopped paying",
        ),
    ),
    Concept(
        "financial-cost",
        "What something cost or would have cost: money, budget, spend, losses.",
        names=("cost", "budget", "our spend", "expense", "financial impact", "money lost", "price tag"),
        phrasings=(
            "would have cost", "cost us ... client|customer|contract|week|weeks|money|deal|account",
            "cost|costs|costing|costly", "expensive", "budget|budgets", "spend|spent ... money|budget|thousand|thousands|pounds|dollars|euros",
            "{number} pounds|dollars|euros|quid", "thousand|thousands|million|millions|hundreds ... pounds|dollars|euros",
            "lost|losing|lose ... money|revenue|sales|business|contract|deal", "fine|fines|penalty|penalties",
            "refunds|credits ... to", "written off", "write off", "overtime", "wasted ... money|hours|days|time|stock",
            "rework", "price tag", "overspend|overspending|overspent", "over budget", "financial|financially", "bottom line", "margin|margins",
        ),
    ),
    Concept(
        "revenue",
        "Revenue and sales won: new customers, deals, sign-ups, income.",
        names=("revenue", "our sales", "new customers", "signups", "income", "conversions", "upsell", "new business",
               "more sales"),
        phrasings=(
            "revenue|revenues", "sales ... up|grew|increased|rose|doubled|jumped", "more|extra|new|additional ... sales|revenue|orders|bookings|deals|business|subscribers|signups",
            "new customers|clients|accounts|subscribers", "won ... deal|deals|contract|contracts|account|accounts|client|clients|business|tender",
            "closed ... deal|deals", "upsell|upsold|upselling", "cross sell|sold", "conversion|conversions",
            "sign ups", "signups", "subscriptions ... grew|up|doubled", "new ... revenue|income ... stream|streams",
            "brought in", "generated ... revenue|sales|leads|income|business", "pipeline", "paying customers",
            "order value", "basket size", "footfall", "turnover ... grew|up|increased", "bookings ... up|grew",
        ),
    ),
    Concept(
        "time-saved",
        "Saving time: work done faster, hours freed up, shorter waits and turnaround.",
        names=("time saved", "saved hours", "faster", "quicker", "sped up", "freed up time", "saved us", "time savings"),
        phrasings=(
            "saved|save|saving ... hours|minutes|days|time|weeks", "time saved|savings", "freed|free ... up ... time|hours|days|capacity",
            "freed up", "faster|quicker", "sped|speed ... up", "cut ... time|times", "cut ... from {number}",
            "reduced|cut|shortened|halved ... time|turnaround|wait|waits|waiting|processing|cycle",
            "in half the time", "instead of {number}", "down from", "takes|took ... minutes|seconds ... instead",
            "no longer ... manually|wait|chase", "no more manual", "same day instead", "hours of manual",
            "less time", "got|gave ... back ... hour|hours|minutes|day|days|time", "instead of taking|spending|waiting", "a lot less time", "hours a week back",
        ),
    ),
    Concept(
        "quality-improved",
        "Quality gains: better, more accurate or more reliable work, fewer errors and complaints.",
        names=("better quality", "improved quality", "quality gains", "higher quality", "more accurate",
               "more reliable"),
        phrasings=(
            "better|higher|improved ... quality", "quality ... improved|rose|went up|got better",
            "fewer|less ... errors|mistakes|defects|bugs|complaints|returns|incidents|rework|escalations|faults",
            "error|defect ... rate", "no more ... errors|mistakes|complaints", "zero ... defects|errors|incidents",
            "more accurate|reliable|consistent|stable", "accuracy ... improved|rose|went", "right first time",
            "passed ... audit|inspection", "audit|inspection ... passed|score|rating", "cleaner ... data|code",
            "first time right", "higher ... score|scores|rating",
        ),
    ),
    Concept(
        "got-better",
        "Things improved: the situation, the person or the numbers got better than before.",
        names=("improved", "got better", "made it better", "better results", "turned out better"),
        phrasings=(
            "got|getting|became ... better", "work|performance|mood|numbers|quality|relationship|situation|things|results|scores|morale|attendance|communication ... improved|improving", "much|far|way ... better", "a lot better", "improved|improving|improvement|improvements",
            "better than before|ever", "noticeably|significantly|massively|dramatically|really ... better|improved",
            "night and day", "big|real|huge|noticeable|clear ... improvement|change|difference", "up to standard|scratch",
            "back up to", "started ... hitting|meeting|delivering", "turned ... around", "went up", "picked up again",
        ),
    ),
    Concept(
        "increased",
        "A number moving the right way: increased, reduced, doubled, halved, from X to Y.",
        names=("increased", "reduced", "reduction", "decreased", "boosted", "doubled", "halved", "lowered"),
        phrasings=(
            "increase|increased|increasing", "reduce|reduced|reducing|reduction", "decrease|decreased|decreasing",
            "went|gone|go up|down by|from", "went|gone up|down to {number}", "up|down ... by {number}", "went|gone|jumped|dropped|fell|rose from {number}",
            "by {number} percent", "{number} percent ... more|less|fewer|higher|lower|up|down",
            "doubled|tripled|halved|quadrupled", "doubled|tripled|halved|quadrupled in|by|to|from|within|over|after|again|overnight", "boost|boosted|boosting",
            "numbers|sales|revenue|orders|signups|ups|users|traffic|attendance|bookings|complaints|errors|costs|time|times|calls|tickets|output|productivity|conversion|conversions|rate|rates|score|scores|volume|spend|throughput ... doubled|tripled|halved|increased|decreased|dropped|fell|rose|grew|reduced|jumped|climbed|plummeted", "grew ... by|from|to",
            "rose|fell|dropped ... to|by|from", "cut ... by|from", "cut ... in half", "twice as", "more than doubled",
        ),
    ),
    Concept(
        "customer-outcome",
        "The outcome for customers, patients or users: happier, better served, staying, complaining less.",
        names=("customer outcomes", "customer impact", "better for customers", "customer results", "patient outcomes",
               "outcome for the customer"),
        phrasings=(
            "nps|csat|satisfaction ... went|rose|up|improved|increased|score",
            "customer|customers|client|clients|patient|patients|users ... happier|happy|satisfied|delighted|pleased|thrilled",
            "satisfaction ... score|scores|up|went|rose|improved", "nps|csat", "net promoter",
            "fewer ... complaints|escalations|tickets|calls|returns|refunds", "complaints ... dropped|fell|went|stopped",
            "kept coming back", "repeat ... customers|business|orders", "renewed|renewal|renewals", "renewed their|the|for", "retention|retained|churn", "retained ... customers|clients|staff|accounts",
            "five star", "positive ... reviews|feedback|comments", "thank you ... note|email|card|letter",
            "wrote ... to thank", "recommended us", "stayed with us", "patient ... outcomes|experience",
            "waiting|wait ... times ... down|dropped|fell|shorter",
        ),
    ),
    Concept(
        "recognition",
        "Recognition for the work: an award, praise, a mention from leadership.",
        names=("received recognition", "got recognition", "award", "was praised", "commended", "won an award", "kudos", "employee of the month"),
        phrasings=(
            "award|awarded|awards", "won ... award|prize", "nominated for", "employee|colleague|volunteer|student ... of the month|year|quarter",
            "praised me|us|our|my", "praised the team|work|project", "praise from", "commended|commendation", "was|were|got|been ... commended|awarded|praised|recognised|recognized|thanked|nominated", "impressed with|by", "was|were impressed", "recognised|recognized|recognition", "shout out", "shoutout",
            "kudos", "thanked ... me|us|publicly|personally", "the all hands", "town hall", "newsletter", "bonus",
            "pay rise", "impressed", "asked me to present", "singled out",
        ),
    ),
    Concept(
        "adoption",
        "Others taking up the work: the tool, process or idea used by other people and teams.",
        names=("adopted", "adoption", "uptake", "taken up", "widely used", "became standard", "other teams adopted",
               "rolled out"),
        phrasings=(
            "adopt|adopted|adopting|adoption", "adopted it|the|by|across|as", "was|were|been|got ... adopted", "uptake", "took it up", "other|another|several|two|three|every|all ... teams|departments|sites|wards|stores|offices|schools ... use|used|using|adopted|started|copied|now",
            "now ... use|uses|using ... it", "everyone ... uses|started|switched", "rolled ... out ... to|across",
            "rolled out", "became ... standard|default|norm|template", "now ... standard|default|norm", "standard way", "standard ... practice|process|procedure",
            "part of ... onboarding|process|routine", "copied|borrowed ... idea|template|approach",
            "spread to", "still ... use|using", "still in use", "active users", "{number} people|users|teams ... using|use|now",
            "used by", "asked for a copy", "wanted ... too",
        ),
    ),
    Concept(
        "delivered",
        "Delivering the work: finishing, shipping, launching, going live.",
        names=("delivered", "shipped it", "launched it", "went live", "completed it", "finished it", "released it", "got the job done",
               "over the line"),
        phrasings=(
            "delivered|deliver|delivering ... project|on|it|work|results|solution|release|change|migration|programme|program|training|rollout|system|app|product|feature", "we|i delivered", "we|i|team ... shipped", "shipped ... feature|release|version|update|product|fix|change|it", "ship it", "we|i|they|you ... launched|launch", "launched|launching ... it|the|our|a|new|product|feature|campaign|service|app|site|on|in", "went|go|gone live",
            "live on|in|by", "completed|complete ... project|work|migration|rollout|it|build|course|job",
            "finished|finish ... project|it|work|migration|job|build", "got the job done", "got ... over the line",
            "over the line", "across the line", "signed off", "rolled out", "released|release ... on|to",
            "deployed", "in production", "launched|released|deployed|delivered|shipped on|in|ahead|early|successfully|before|across|to", "was|were|got ... launched|released|deployed|delivered|completed|finished|shipped", "up and running", "done and dusted", "wrapped up", "pulled it off",
            "handed ... over to the client|customer",
        ),
    ),
    Concept(
        "met-deadline",
        "Meeting the deadline: delivering on time, on the agreed date, or early.",
        names=("met the deadline", "on time", "hit the date", "hit the deadline", "on schedule", "ahead of schedule",
               "in time", "made the deadline", "beat the deadline", "delivered on time"),
        phrasings=(
            "on time", "in time", "met|meet|hit|made|make|beat ... deadline|deadlines|date|launch|cutoff",
            "ahead of schedule|time", "on schedule", "day|days|week|weeks ... early|ahead", "before the deadline|cutoff",
            "by the deadline|date", "with time to spare", "to spare", "just in time", "the date we|i ... promised|agreed|committed|set",
            "didn't miss", "didn't slip", "never slipped", "kept to the timeline|schedule|plan", "on the day we",
            "on the agreed date", "as promised",
        ),
    ),
    Concept(
        "met-target",
        "Hitting the target or goal: reaching, beating or exceeding the number or aim.",
        names=("hit the target", "met the target", "exceeded the target", "achieved the goal", "hit our numbers",
               "reached the goal", "beat the target"),
        phrasings=(
            "hit|met|meet|reached|reach|exceeded|exceed|beat|smashed|surpassed ... target|targets|goal|goals|quota|numbers|kpi|kpis|objective|objectives",
            "exceeded|beat|beyond ... expectations", "above|over|ahead ... target", "on target", "of target",
            "achieved ... goal|aim|objective|target", "overachieved", "over achieved", "made ... quota|numbers",
            "came in above", "top of the league|table", "best month|quarter|year ... on record", "record ... month|quarter|year|sales", "over delivered|delivered", "ahead of plan",
        ),
    ),
    Concept(
        "lasting-change",
        "A change that lasted: still in place months or years later, embedded, not slipping back.",
        names=("lasting change", "lasting impact", "sustained", "still in place", "embedded", "made it stick",
               "legacy", "long-lasting"),
        phrasings=(
            "still ... in place|use", "still ... used|running|going|today", "years|months ... later", "to this day",
            "a year later", "six|two|three ... months later", "never came|went back", "never happened again",
            "the change stuck", "made ... stick", "embedded|embed", "embedded in|into", "sustained|sustainable|sustain", "sustained ... improvement|change|results|growth",
            "for good", "permanent|permanently", "lasting", "became|become ... habit|routine|norm|standard",
            "outlived", "after i left", "when i left", "legacy", "still using|uses",
        ),
    ),
    Concept(
        "baseline",
        "The baseline: where things stood before, so the change can be measured against it.",
        names=("baseline", "before and after", "benchmark", "where we began", "baseline measurement"),
        phrasings=(
            "baseline", "benchmark|benchmarked|benchmarks", "starting point", "before and after",
            "where we started", "where we were starting", "used to take|be|have|get|cost", "it used to", "we used to",
            "before ... took|taking", "at the start ... was|were|took", "starting from", "current state",
            "measured ... first|before", "measured|timed|counted|checked how long|many|much", "how long ... took|taking", "compared ... to|with|against ... before|previously|baseline|last|previous",
            "the original", "went from",
        ),
    ),
    Concept(
        "own-contribution",
        "The candidate's own part in the outcome: what I personally did, as distinct from the team.",
        names=("my part", "personal contribution", "my own role", "my piece", "my involvement", "what I did myself"),
        phrasings=(
            "my part|role|job|piece|bit|contribution ... was", "i was responsible for", "i personally",
            "i was the one", "it was my idea", "my idea", "i came up with",
            "i led|built|designed|wrote|ran|owned|created|drove|proposed|analysed|analyzed|coded",
            "did most of the work", "my own part", "what i did|brought was", "i was in charge of",
        ),
    ),
)
