package extract

import (
	"testing"

	"github.com/trialwatch/trialwatch"
	"github.com/trialwatch/trialwatch/rules"
)

// TestCasesRuPhrasings holds Russian sentences written the way news sites
// report verdicts and appeals, beyond those of the labelled set: number
// words in their case forms, collectives, ranges, halves, suspended and
// restricted terms, courts named with their places, dates in words and
// digits, and the reports that tell of no decision.
func TestCasesRuPhrasings(t *testing.T) {
	rs := rules.Default()
	tests := []struct {
		name, text, pub string
		want            []want
	}{
		{
			name: "city court, collective, weekday",
			text: "Таразский городской суд в среду приговорил двоих полицейских к пяти годам лишения свободы за пытки задержанного.",
			pub:  "2024-05-10",
			want: []want{{"stage": "verdict", "court": "Таразский городской суд", "location": "Тараз", "country": "Kazakhstan",
				"decision_date": "2024-05-08", "defendants": 2, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 60, "victims": 1}},
		},
		{
			name: "range from to in the genitive",
			text: "18 марта суд в Шымкенте признал четверых бывших полицейских виновными в пытках и назначил им от трёх до восьми лет колонии.",
			pub:  "2024-03-20",
			want: []want{{"location": "Шымкент", "country": "Kazakhstan", "decision_date": "2024-03-18", "defendants": 4, "convicted": 4,
				"sentence_min_months": 36, "sentence_max_months": 96}},
		},
		{
			name: "a term with a half",
			text: "Вчера Костанайский городской суд приговорил сотрудника полиции к трём с половиной годам лишения свободы.",
			pub:  "2023-11-15",
			want: []want{{"court": "Костанайский городской суд", "location": "Костанай", "decision_date": "2023-11-14", "defendants": 1,
				"imprisoned": 1, "sentence_min_months": 42, "sentence_max_months": 42}},
		},
		{
			name: "a decimal comma",
			text: "Бывший начальник отдела полиции приговорён к 3,5 года лишения свободы, сообщили в суде.",
			pub:  "2023-11-15",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 42, "sentence_max_months": 42}},
		},
		{
			name: "one and a half years",
			text: "Суд Атырау приговорил полицейского к полутора годам лишения свободы.",
			pub:  "2023-11-15",
			want: []want{{"location": "Атырау", "country": "Kazakhstan", "imprisoned": 1, "sentence_min_months": 18, "sentence_max_months": 18}},
		},
		{
			name: "suspended term",
			text: "Двое сотрудников ИВС получили по два года условно.",
			pub:  "2023-11-15",
			want: []want{{"defendants": 2, "suspended": 2}},
		},
		{
			name: "real and suspended terms in one sentence",
			text: "Суд признал виновными пятерых полицейских: трое получили по шесть лет лишения свободы, ещё двое получили условные сроки.",
			pub:  "2023-11-15",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 3, "suspended": 2, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "restriction of freedom is no prison term",
			text: "Специализированный межрайонный суд по уголовным делам Караганды приговорил конвоира к двум годам ограничения свободы.",
			pub:  "2023-11-15",
			want: []want{{"court": "Специализированный межрайонный суд по уголовным делам Караганды", "location": "Караганда", "defendants": 1}},
		},
		{
			name: "life term",
			text: "Суд Алматы приговорил бывшего полицейского к пожизненному лишению свободы.",
			pub:  "2023-11-15",
			want: []want{{"location": "Алматы", "defendants": 1, "imprisoned": 1}},
		},
		{
			name: "acquittal",
			text: "Районный суд Ташкента в четверг оправдал троих сотрудников милиции, обвинявшихся в пытках.",
			pub:  "2024-02-03",
			want: []want{{"stage": "verdict", "location": "Ташкент", "country": "Uzbekistan", "decision_date": "2024-02-01", "defendants": 3, "acquitted": 3}},
		},
		{
			name: "digits date and a regional court",
			text: "18.03.2024 Андижанский областной суд признал двух надзирателей виновными и приговорил их к четырём годам колонии.",
			pub:  "2024-03-25",
			want: []want{{"court": "Андижанский областной суд", "decision_date": "2024-03-18", "defendants": 2, "convicted": 2, "imprisoned": 2,
				"sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "district court of a region",
			text: "Илийский районный суд Алматинской области осудил трёх полицейских на семь лет каждого.",
			pub:  "2024-03-25",
			want: []want{{"court": "Илийский районный суд Алматинской области", "location": "Алматинская область", "defendants": 3,
				"convicted": 3, "imprisoned": 3, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "appeal upheld",
			text: "Апелляционная коллегия Жамбылского областного суда оставила приговор двум полицейским без изменения.",
			pub:  "2024-03-25",
			want: []want{{"stage": "appeal", "defendants": 2}},
		},
		{
			name: "appeal reduced",
			text: "Суд апелляционной инстанции смягчил приговор бывшему следователю до четырёх лет лишения свободы.",
			pub:  "2024-03-25",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "appeal overturned",
			text: "В понедельник областной суд отменил оправдательный приговор и направил дело на новое рассмотрение.",
			pub:  "2024-03-27",
			want: []want{{"stage": "appeal", "decision_date": "2024-03-25"}},
		},
		{
			name: "prosecutor's demand is no decision",
			text: "Прокурор запросил для подсудимых от пяти до девяти лет лишения свободы.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "a case opened is no decision",
			text: "Антикоррупционная служба возбудила уголовное дело о пытках в отношении трёх полицейских.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "arrest is no decision",
			text: "В Нукусе задержаны трое силовиков, их подозревают в применении пыток.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "trial opened is no decision",
			text: "В Кокшетау начался суд над пятью полицейскими, которым грозит до 12 лет лишения свободы.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "hearing postponed is no decision",
			text: "Рассмотрение дела четырёх полицейских отложено до 5 апреля.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "a plea of guilt is no decision",
			text: "Трое полицейских признали вину в пытках задержанных.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "statistics are no case",
			text: "По данным Генпрокуратуры, за последние пять лет суды осудили 39 сотрудников полиции за пытки.",
			pub:  "2024-03-27",
			want: nil,
		},
		{
			name: "victims recognised in a sentence of their own",
			text: "Суд Тараза приговорил троих полицейских к пяти годам колонии. Потерпевшими по делу признаны 12 человек.",
			pub:  "2024-03-27",
			want: []want{{"location": "Тараз", "defendants": 3, "imprisoned": 3, "sentence_max_months": 60, "victims": 12}},
		},
		{
			name: "a month of last year",
			text: "В марте прошлого года Уральский городской суд приговорил трёх полицейских к четырём годам лишения свободы.",
			pub:  "2024-01-27",
			want: []want{{"location": "Уральск", "decision_date": "2023-03", "defendants": 3, "imprisoned": 3, "sentence_max_months": 48}},
		},
		{
			name: "a trial ended, then the terms",
			text: "Вчера в Экибастузе завершился процесс над двумя бывшими полицейскими. Обоим суд назначил по пять лет лишения свободы.",
			pub:  "2024-01-27",
			want: []want{{"location": "Экибастуз", "decision_date": "2024-01-26", "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "a regional court sits for its region",
			text: "Карагандинский областной суд приговорил двух бывших следователей к шести годам лишения свободы.",
			pub:  "2024-01-27",
			want: []want{{"court": "Карагандинский областной суд", "location": "Карагандинская область", "imprisoned": 2, "sentence_max_months": 72}},
		},
		{
			name: "appeal heard on a date far from the outcome verb",
			text: "12 апреля апелляционная коллегия в Павлодаре рассмотрела жалобы адвокатов трёх осуждённых полицейских и оставила приговор без изменения.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "location": "Павлодар", "decision_date": "2024-04-12"}},
		},
		{
			name: "a subject with an apposition between dashes",
			text: "Все четверо обвиняемых — бывшие сотрудники колонии, в том числе её начальник Марат Ахметов, — признаны виновными в пытках.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 4, "convicted": 4}},
		},
		{
			name: "condemning a verdict is no conviction",
			text: "Правозащитники осудили приговор и назвали его политическим.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "convicted for a term",
			text: "Бывший участковый, избивший задержанного, осуждён на 3 года колонии.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 36, "victims": 1}},
		},
		{
			name: "a penalty in the form of a term",
			text: "Суд назначил бывшему полицейскому наказание в виде 8 лет лишения свободы в колонии строгого режима.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 96, "sentence_max_months": 96}},
		},
		{
			name: "a verdict delivered to officers",
			text: "Жезказганский городской суд вынес приговор четырём сотрудникам полиции: каждый получил по шесть лет колонии.",
			pub:  "2024-04-15",
			want: []want{{"court": "Жезказганский городской суд", "location": "Жезказган", "defendants": 4, "convicted": 4, "imprisoned": 4, "sentence_max_months": 72}},
		},
		{
			name: "terms listed for two",
			text: "Двое охранников приговорены к пяти и семи годам лишения свободы соответственно.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "supreme court overturns",
			text: "Верховный суд Кыргызстана отменил оправдательный приговор и направил дело на новое рассмотрение.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "court": "Верховный суд", "country": "Kyrgyzstan"}},
		},
		{
			name: "a sentence in digits with months",
			text: "Суд Бишкека приговорил бывшего сотрудника ГКНБ к 2 годам и 6 месяцам лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"location": "Бишкек", "country": "Kyrgyzstan", "imprisoned": 1, "sentence_max_months": 30}},
		},
		{
			name: "terms from to in digits",
			text: "Осуждённые полицейские получили сроки от 4 до 9 лет.",
			pub:  "2024-04-15",
			want: []want{{"sentence_min_months": 48, "sentence_max_months": 108}},
		},
		{
			name: "a closed hearing is no prison term",
			text: "Суд, заседавший в закрытом режиме, приговорил бывшего начальника ИВС к двум годам ограничения свободы.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 1}},
		},
		{
			name: "acquitted in the passive",
			text: "Трое сотрудников полиции Актобе оправданы судом присяжных.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 3, "acquitted": 3}},
		},
		{
			name: "a conviction in the feminine plural",
			text: "Две сотрудницы колонии признаны виновными в истязании осуждённой и приговорены к четырём годам лишения свободы условно.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 2, "convicted": 2, "suspended": 2}},
		},
		{
			name: "a verdict delivered in a city",
			text: "В Астане вынесен приговор по делу о пытках в изоляторе: трое полицейских получили по семь лет колонии.",
			pub:  "2024-04-15",
			want: []want{{"location": "Астана", "country": "Kazakhstan", "defendants": 3, "imprisoned": 3, "sentence_max_months": 84}},
		},
		{
			name: "a verdict to be read is no decision",
			text: "Приговор полицейским огласят 20 мая.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "a trial to begin is no decision",
			text: "Суд над полицейскими начнётся в понедельник в Талгаре.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "a demand to sentence is no decision",
			text: "Гособвинитель попросил приговорить полицейских к десяти годам лишения свободы.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "custody extended is no decision",
			text: "Суд продлил арест трём полицейским на два месяца.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "a country told by a lower-case adjective",
			text: "В четверг кыргызский суд приговорил блогера к пяти годам лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"country": "Kyrgyzstan", "decision_date": "2024-04-11", "defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "abbreviations of articles and cities",
			text: "Суд г. Семей признал троих полицейских виновными по ч. 2 ст. 146 УК РК и приговорил их к 5 годам лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"location": "Семей", "country": "Kazakhstan", "defendants": 3, "convicted": 3, "imprisoned": 3, "sentence_max_months": 60}},
		},
		{
			name: "a term written as a term of years",
			text: "Суд приговорил бывшего начальника отдела к лишению свободы сроком на 6 лет с отбыванием наказания в колонии.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "appeal changes the verdict, lowering the term",
			text: "Апелляционная коллегия изменила приговор, снизив срок бывшему полицейскому до пяти лет.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "two names, two terms",
			text: "Суд приговорил Иванова к семи годам колонии, Петрова — к пяти годам.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "a surname receives a term",
			text: "Бекболатов получил пять лет колонии.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "three and two more",
			text: "Троих полицейских суд приговорил к восьми годам лишения свободы, ещё двоих — к шести годам.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 5, "imprisoned": 5, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "an appeal and the verdict it recalls",
			text: "Жамбылский областной суд в среду оставил без изменения приговор трём полицейским из Тараза.\n\nНапомним: в декабре Таразский городской суд приговорил их к пяти годам лишения свободы каждого за пытки задержанного.",
			pub:  "2024-02-16",
			want: []want{
				{"stage": "appeal", "court": "Жамбылский областной суд", "location": "Жамбылская область", "decision_date": "2024-02-14", "defendants": 3},
				{"stage": "verdict", "court": "Таразский городской суд", "location": "Тараз", "decision_date": "2023-12", "sentence_max_months": 60},
			},
		},
		{
			name: "a news story of arrests and a trial under way",
			text: "В Усть-Каменогорске задержаны двое сотрудников полиции, подозреваемых в пытках. Ранее суд над их коллегами начался в городском суде. Прокурор потребовал для обвиняемых по семь лет лишения свободы.",
			pub:  "2024-02-16",
			want: nil,
		},
		{
			name: "a jury's acquittal",
			text: "Присяжные вынесли оправдательный вердикт двум бывшим полицейским.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 2, "acquitted": 2}},
		},
		{
			name: "an appeal granted",
			text: "Апелляционная коллегия Алматинского городского суда удовлетворила протест прокурора и назначила полицейскому шесть лет лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "defendants": 1, "imprisoned": 1, "sentence_max_months": 72}},
		},
		{
			name: "got off with suspended terms",
			text: "Трое полицейских отделались условными сроками в три года.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 3, "suspended": 3}},
		},
		{
			name: "statistics since a year are no case",
			text: "С 2022 года в Казахстане осуждены 15 полицейских за пытки.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "statistics over years are no case",
			text: "За пять лет суды Кыргызстана приговорили к лишению свободы всего четырёх сотрудников милиции.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "the day before",
			text: "Накануне Кокшетауский городской суд приговорил инспектора полиции к двум годам колонии.",
			pub:  "2024-04-15",
			want: []want{{"location": "Кокшетау", "decision_date": "2024-04-14", "defendants": 1, "imprisoned": 1, "sentence_max_months": 24}},
		},
		{
			name: "a court named by its abbreviation",
			text: "СМУС Астаны приговорил бывшего сотрудника КНБ к девяти годам лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"court": "СМУС Астаны", "location": "Астана", "defendants": 1, "imprisoned": 1, "sentence_max_months": 108}},
		},
		{
			name: "a district court of a city",
			text: "Медеуский районный суд Алматы приговорил двух полицейских к трём годам ограничения свободы.",
			pub:  "2024-04-15",
			want: []want{{"court": "Медеуский районный суд Алматы", "location": "Алматы", "defendants": 2}},
		},
		{
			name: "those who stood trial are the defendants",
			text: "Перед судом предстали 9 человек: восемь сотрудников колонии и один заключённый. Все они признаны виновными.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 9, "convicted": 9}},
		},
		{
			name: "a day and a month before a plural noun",
			text: "18 марта полицейских из Сарыагаша приговорили к шести годам лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"location": nil, "decision_date": "2024-03-18", "defendants": nil, "sentence_max_months": 72}},
		},
		{
			name: "a dismissal is no decision of a court",
			text: "Полицейского, избившего задержанного, уволили из органов внутренних дел.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "pre-trial custody is no decision",
			text: "Суд арестовал двух полицейских на два месяца по подозрению в пытках.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "a case sent to court is no decision",
			text: "Уголовное дело в отношении трёх сотрудников полиции передано в суд.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "a civil claim refused is no appeal",
			text: "Суд отказал в удовлетворении иска к департаменту полиции.",
			pub:  "2024-04-15",
			want: nil,
		},
		{
			name: "three of them, two more",
			text: "Суд признал виновными пятерых полицейских. Трое из них получили по пять лет колонии, ещё двое получили условные сроки.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 3, "suspended": 2, "sentence_max_months": 60}},
		},
		{
			name: "month in the locative",
			text: "В январе Павлодарский городской суд приговорил двух полицейских к шести годам лишения свободы.",
			pub:  "2024-03-27",
			want: []want{{"location": "Павлодар", "decision_date": "2024-01", "defendants": 2, "imprisoned": 2, "sentence_min_months": 72}},
		},
		{
			name: "a court in a city written in the locative",
			text: "Суд в Кызылорде признал виновным бывшего начальника изолятора и приговорил его к восьми годам лишения свободы.",
			pub:  "2024-03-27",
			want: []want{{"location": "Кызылорда", "country": "Kazakhstan", "defendants": 1, "convicted": 1, "imprisoned": 1, "sentence_max_months": 96}},
		},
		{
			name: "a list after a colon: counts before dashes",
			text: "Шымкентский городской суд вынес приговор семерым полицейским: пятеро получили по четыре года колонии, двое — по два года условно.",
			pub:  "2024-04-15",
			want: []want{{"court": "Шымкентский городской суд", "location": "Шымкент", "defendants": 7, "convicted": 7, "imprisoned": 5, "suspended": 2,
				"sentence_min_months": 48, "sentence_max_months": 48}},
		},
		{
			name: "a list after a colon: each count its own term",
			text: "Суд вынес приговор шестерым сотрудникам колонии: четверо получили по шесть лет, двое — по три года условно.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 6, "convicted": 6, "imprisoned": 4, "suspended": 2, "sentence_max_months": 72}},
		},
		{
			name: "penalties imposed in a list of datives",
			text: "Суд назначил наказания: трём подсудимым — по восемь лет, двоим — по шесть лет лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 5, "imprisoned": 5, "sentence_min_months": 72, "sentence_max_months": 96}},
		},
		{
			name: "a list after a colon: a term of its own for the first count",
			text: "Суд приговорил пятерых полицейских: двоих — к пяти годам лишения свободы, троих — к условным срокам.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "two of the convicted",
			text: "Суд признал виновными пятерых полицейских. Двое из осуждённых получили реальные сроки.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 2}},
		},
		{
			name: "a probation period makes the term suspended",
			text: "Суд приговорил троих полицейских к двум годам лишения свободы с испытательным сроком в два года.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 3, "suspended": 3, "imprisoned": nil, "sentence_max_months": nil}},
		},
		{
			name: "a cassation complaint left unsatisfied",
			text: "Кассационная инстанция Верховного суда оставила без удовлетворения жалобу осуждённого.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "court": "Верховного суда", "defendants": 1}},
		},
		{
			name: "a review refused",
			text: "Верховный суд Казахстана отказал в пересмотре приговора бывшим полицейским.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "court": "Верховный суд", "country": "Kazakhstan"}},
		},
		{
			name: "the term replaced is no term",
			text: "Суд апелляционной инстанции смягчил наказание двум полицейским: вместо семи лет они получили по пять.",
			pub:  "2024-04-15",
			want: []want{{"stage": "appeal", "defendants": 2, "sentence_max_months": nil}},
		},
		{
			name: "digits with case endings",
			text: "Суд г. Бишкек приговорил 3-х сотрудников милиции к 7-ми годам лишения свободы.",
			pub:  "2024-04-15",
			want: []want{{"location": "Бишкек", "country": "Kyrgyzstan", "defendants": 3, "imprisoned": 3, "sentence_min_months": 84, "sentence_max_months": 84}},
		},
		{
			name: "both acquitted",
			text: "Суд Ош оправдал обоих милиционеров.",
			pub:  "2024-04-15",
			want: []want{{"location": "Ош", "defendants": 2, "acquitted": 2, "convicted": nil}},
		},
		{
			name: "a district court of a city written with г.",
			text: "15 апреля 2024 года Бостандыкский районный суд г. Алматы приговорил полицейского к пяти годам лишения свободы.",
			pub:  "2024-04-20",
			want: []want{{"court": "Бостандыкский районный суд г. Алматы", "location": "Алматы", "country": "Kazakhstan", "decision_date": "2024-04-15",
				"defendants": 1, "imprisoned": 1, "sentence_max_months": 60}},
		},
		{
			name: "a district court of a city in the nominative after г.",
			text: "Первомайский районный суд г. Бишкек приговорил милиционера к восьми годам.",
			pub:  "2024-04-20",
			want: []want{{"court": "Первомайский районный суд г. Бишкек", "location": "Бишкек", "country": "Kyrgyzstan", "imprisoned": 1, "sentence_max_months": 96}},
		},
		{
			name: "a numbered court of a district of a city",
			text: "Суд №2 Алмалинского района г. Алматы приговорил полицейского к трём годам колонии.",
			pub:  "2024-04-20",
			want: []want{{"location": "Алматы", "country": "Kazakhstan", "imprisoned": 1, "sentence_max_months": 36}},
		},
		{
			name: "a term first, the people after the verb",
			text: "К пяти годам лишения свободы приговорены двое сотрудников полиции.",
			pub:  "2024-04-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_max_months": 60}},
		},
		{
			name: "torture of detainees written with в отношении",
			text: "Суд приговорил двух полицейских к шести годам за применение пыток в отношении трёх задержанных.",
			pub:  "2024-04-20",
			want: []want{{"defendants": 2, "imprisoned": 2, "victims": 3}},
		},
		{
			name: "a lifelong ban is no life term",
			text: "Суд приговорил полицейского к пяти годам лишения свободы с пожизненным запретом занимать должности в правоохранительных органах.",
			pub:  "2024-04-20",
			want: []want{{"defendants": 1, "imprisoned": 1, "sentence_min_months": 60, "sentence_max_months": 60}},
		},
		{
			name: "collectives without a noun, a life term and a term",
			text: "Верховный суд Узбекистана приговорил двоих к пожизненному сроку, ещё троих — к 20 годам.",
			pub:  "2024-04-20",
			want: []want{{"country": "Uzbekistan", "defendants": 5, "imprisoned": 5, "sentence_min_months": 240, "sentence_max_months": 240}},
		},
		{
			name: "a collective without a noun acquitted",
			text: "Ошский городской суд оправдал троих, а двоих приговорил к четырём годам колонии.",
			pub:  "2024-04-20",
			want: []want{{"court": "Ошский городской суд", "location": "Ош", "defendants": 5, "acquitted": 3, "convicted": 2, "imprisoned": 2, "sentence_max_months": 48}},
		},
		{
			name: "a verdict in the case of a number of people: the defendants",
			text: "Ленинский районный суд Бишкека в четверг огласил приговор по делу 11 журналистов. Реальные сроки получили двое, семерых суд оправдал.",
			pub:  "2024-10-10",
			want: []want{{"court": "Ленинский районный суд Бишкека", "location": "Бишкек", "decision_date": "2024-10-10",
				"defendants": 11, "convicted": 2, "acquitted": 7, "imprisoned": 2}},
		},
		{
			name: "a verdict in the case of a number of people, all given terms",
			text: "Суд вынес приговор по делу пятерых полицейских. Все они получили по пять лет колонии.",
			pub:  "2024-04-20",
			want: []want{{"defendants": 5, "convicted": 5, "imprisoned": 5, "sentence_max_months": 60}},
		},
		{
			name: "a trial over a number of people ended",
			text: "В Таразе завершился суд над пятью полицейскими. Трое получили по четыре года колонии, двое оправданы.",
			pub:  "2024-04-20",
			want: []want{{"location": "Тараз", "defendants": 5, "convicted": 3, "acquitted": 2, "imprisoned": 3, "sentence_max_months": 48}},
		},
		{
			name: "the term before the verb, the people after it",
			text: "Андижанский областной суд вынес приговор. По четыре года колонии получили шестеро надзирателей.",
			pub:  "2024-04-20",
			want: []want{{"court": "Андижанский областной суд", "defendants": 6, "imprisoned": 6, "sentence_max_months": 48}},
		},
		{
			name: "terms between dashes fall to people",
			text: "Суд вынес приговор. Самые большие сроки — по четыре года колонии — достались шестерым надзирателям.",
			pub:  "2024-04-20",
			want: []want{{"defendants": 6, "imprisoned": 6, "sentence_max_months": 48}},
		},
		{
			name: "a trial over people opened is no decision",
			text: "В Актобе начался процесс над тремя бывшими полицейскими, обвиняемыми в пытках.",
			pub:  "2024-04-20",
			want: nil,
		},
		{
			name: "a bare number after a dash takes the unit of the term before",
			text: "Реальные сроки получили двое: Асель Бекова — шесть лет колонии, Азамат Ишенбеков — пять.",
			pub:  "2024-10-10",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 72}},
		},
		{
			name: "a bare number after к takes the unit of the term before",
			text: "Суд приговорил Иванова к семи годам колонии, Петрова — к пяти.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 2, "imprisoned": 2, "sentence_min_months": 60, "sentence_max_months": 84}},
		},
		{
			name: "a count after a dash with a noun is no term",
			text: "Суд приговорил троих полицейских к шести годам лишения свободы, потерпевших — пять человек.",
			pub:  "2024-04-15",
			want: []want{{"defendants": 3, "imprisoned": 3, "sentence_min_months": 72, "sentence_max_months": 72}},
		},
		{
			name: "a court named by a district of a city",
			text: "В понедельник суд Алмалинского района г. Алматы приговорил полицейского к 4 годам лишения свободы.",
			pub:  "2024-04-17",
			want: []want{{"court": "суд Алмалинского района г. Алматы", "location": "Алматы", "country": "Kazakhstan", "decision_date": "2024-04-15",
				"defendants": 1, "imprisoned": 1, "sentence_max_months": 48}},
		},
		{
			name: "a court of criminal cases of a region",
			text: "Суд по уголовным делам Ташкентской области приговорил двух сотрудников ОВД к 6 годам лишения свободы.",
			pub:  "2024-04-17",
			want: []want{{"court": "Суд по уголовным делам Ташкентской области", "location": "Ташкентская область", "defendants": 2, "imprisoned": 2, "sentence_max_months": 72}},
		},
		{
			name: "a court of criminal cases of a district of a city",
			text: "Суд по уголовным делам Юнусабадского района города Ташкента оправдал сотрудника милиции.",
			pub:  "2024-04-17",
			want: []want{{"location": "Ташкент", "country": "Uzbekistan", "defendants": 1, "acquitted": 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCases(t, Cases(trialwatch.Article{Text: tt.text, Published: tt.pub}, rs), tt.want)
		})
	}
}
