/**
 * English word lists the parser reads questions with. Language, not knowledge: nothing here is a
 * fact about a library. A library whose name is also an everyday word ("black", "rich",
 * "requests") is only taken as that library where the sentence points at a name.
 *
 * @example
 * COMMON_WORDS.has('black') // true: "black" alone in a sentence is not the formatter
 */

const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Everyday English words: never corrected as typos, and weak when they equal a library's name. */
export const COMMON_WORDS = list(`
a about above across act add after again against age ago air all almost alone along already also always am among an and
another answer any anyone anything apart app apps are area arcade around art as ask at away back bad bag ball bank base
basic be bear beat beautiful because become bed been before began begin behind being believe below best better between big
bill bird bit black block blood blue board boat body book born both bottle bottom box boy break bring brown build built
business busy but buy by call came can car card care carry case cat catch cause center certain chain chair chance
change charge check child choose circle city class clean clear click climb close coat cold color come common complete
contain control cook cool copy corn correct cost could count country course cover coverage cross cry current cut dark data
day dead deal dear death decide deep did die different direct do doctor does dog done door double down draw dream dress
drink drive drop dry during each ear early earth east easy eat edge effect egg eight either else end enough enter even
ever every example eye face fact fair fall family far farm fast father fear feel feet few field fight fill final
find fine fire first fish five flat floor flow flower fly follow food foot for force form forward found four free
fresh friend from front fruit full fun game garden gave general get girl give glass go god gold good got great green
grew ground group grow guess had hair half hand happen happy hard has hat have he head hear heard heart heat heavy held
help her here high hill him his history hit hold hole home hope horse hot hour house how huge human hundred hunt hurry
hypothesis i ice idea if in inch include indeed inside instead interest into iron is island it its job join joy jump
just keep kept key kind king knew know lady lake land language large last late laugh law lay lead learn least leave
left leg length less let letter level lie life lift light like line list listen little live logging long look lost lot
loud love low machine made main make man many map mark market mass master match matter may me mean measure meat meet
men met middle might mile milk mind mine minute miss modern moment money month moon more morning most mother motion
mount mountain mouth move much music must my name nation nature near need never new next night nine no noise none nor
north nose not note nothing notice now number object of off offer office often oh oil old on once one only open or
order other our out over own page pain paint pair paper part party pass past path pay people perhaps person pick
piece place plain plan plane plant play please poem poetry point poor position possible post pound power
present press pretty probably problem produce product proper prove pull push put question quick quiet quite
race rain raise ran reach read ready real reason record red region remember repeat reply requests rest rich ride right
ring rise river road rock roll room root rose round row rule run safe said sail same sand sat save saw say schedule
school science sea season seat second see seem seen self sell send sense sentence serve set seven several shall shape
share sharp she shine ship shoe shop short should shout show side sign silent simple since sing sister sit six size skin
sky sleep slow small smell smile snow so soft soil some son song soon sound south space speak special speed
spell spend spring square stand star start state stay step still stone stood stop store story straight strange stream
street strong student study such sudden sugar suit summer sun sure surface surprise swim system table tail take talk tall
teach team tell ten term test than that the their them then there these they thick thin thing think third this
those though thought thousand three through throw tie time tiny tire to today together told tone too took top
total touch toward town track trade train travel tree trip trouble true try turn twenty two type under unit until up
upon us use usual valley value very view visit voice wait walk wall want war warm was wash watch water wave way
we wear weather week weight well went were west what wheel when where whether which while white who whole why wide wife
wild will win wind window winter wish with without woman wonder wood word work world would write wrong yard year yellow
yes yet you young your express echo gin fiber unity ant chef puppet remix rocket phoenix dart crystal gem notion
electron eclipse bootstrap assembly composer ember backbone packer bamboo node nodes spring go
ppl pls plz func funcs dir dirs stdlib repo repos recs rec lib libs deps dep infra msg msgs args param params
config configs env envs tmp temp util utils impl perf prod dev devs ops sre fyi tho thx ty rn idk imo btw aka etc
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
october november december weekend weekly daily monthly yearly tomorrow yesterday tonight
`);

/**
 * Words that ask how hard a thing is to learn ("how steep is the learning curve for django", "how long to learn
 * pandas"): about the thing itself, never a need of their own.
 */
export const LEARNING_EFFORT = list(`
learn learning learned learnt curve steep hard easy easier harder difficult tough long take takes quick quickly fast
beginner beginners junior juniors newbie newbies new friendly pick up time master someone
`);

/** Words that carry no topic in a question about the Python stack. */
export const FILLER = list(`
a an the this that these those some any anything something someone one ones it its it's i me my we us our you your they
them he she is are was were be been being am do does did done doing have has had having can could would should will shall
may might must to of in on at by for with without from into onto about over under than then so such very really just
also too only even still quite pretty kind sort lot lots bit way ways thing things stuff guys folks team please pls thanks plain vanilla builtin
thank ok okay hey hi hello yo lol tbh imo imho btw fyi idk hmm um uh like python pythons py python3 library libraries lib
libs package packages pkg module modules tool tools framework frameworks option options choice choices solution solutions
what which who whom whose when where why how whats what's which's is there here use used using uses good best better great
nice decent solid recommended recommend recommendation recommendations suggest suggestion suggestions pick picks choose
go-to goto want wants wanted need needs needed looking look find get getting got make making try trying know tell show
give help someone anyone everyone people person if or and but not no yes vs versus v s etc e g eg ie i.e e.g
absolutely usually really actually generally typically definitely probably basically literally currently already
here there out though anyway anyways
fav fave faves halp plz ngl lowkey highkey lmao lmk omg asap gonna wanna gotta kinda sorta dunno yall ya u ur smth sth pls halp ofc afaik iirc fwiw rn tho thru bc cuz coz ppl pov imo obv obvs tbf brb tfw lil hav abt w/e yep nope nah yea yeah
heyyy heyy hiii hii sooo soo pleeease pleease
`);

/** Words that stand before a name and make even an everyday-word name a name ("is black", "alternatives to rich"). */
export const BEFORE_NAME = list(
  "is about to like use using used try trying learn learning adopt adopting install installed installing lib library package pkg than vs versus or over against switch switching migrate moving from replace replacing with called not isnt isn't but without avoid drop dropping ditch of bother tried likes loves hates ditched picked except besides excluding no skip minus between off what's whats plain vanilla stock builtin built-in stdlib standard",
);

/** Words that stand after a name and make it a name ("black formatter", "rich library"). */
export const AFTER_NAME = list(
  'vs versus or over library lib package pkg module framework formatter linter worth in is for docs documentation still anymore thing ok any good alternatives alternative alts replacement replacements substitute',
);

/** Everyday synonyms folded into the word the knowledge uses. */
export const SYNONYMS: Record<string, string> = {
  kinds: 'types',
  kind: 'type',
  sorts: 'types',
  typecheck: 'type checker',
  typechecker: 'type checker',
  typechecking: 'type checking',
  formatter: 'format',
  formatters: 'format',
  formatting: 'format',
  linters: 'linter',
  linting: 'linter',
  db: 'database',
  dbs: 'databases',
  postgres: 'postgresql',
  datastore: 'database',
  scraper: 'scraping',
  scrape: 'scraping',
  crawl: 'scraping',
  crawler: 'scraping',
  graphs: 'charts',
  plot: 'plotting',
  plots: 'plotting',
  viz: 'visualization',
  visualisation: 'visualization',
  visualise: 'visualize',
  excel: 'excel spreadsheets',
  xlsx: 'excel spreadsheets',
  spreadsheet: 'spreadsheets',
  ml: 'machine learning',
  dl: 'deep learning',
  ai: 'machine learning',
  llm: 'llm',
  llms: 'llm',
  cli: 'command line',
  junior: 'beginner',
  juniors: 'beginner',
  newbie: 'beginner',
  prod: 'production',
  k8s: 'kubernetes',
  env: 'environment',
  envs: 'environments',
  config: 'configuration',
  settings: 'configuration',
  auth: 'authentication',
  async: 'async',
  asynchronous: 'async',
  abandoned: 'maintained',
  unmaintained: 'maintained',
  dead: 'maintained',
  vet: 'vet',
  misbehaves: 'debugging',
  misbehaving: 'debugging',
  broken: 'debugging',
  bug: 'debugging',
  bugs: 'debugging',
  troubleshoot: 'debugging',
  troubleshooting: 'debugging',
  gamedev: 'game development',
  games: 'game',
  // Chat abbreviations of the words the knowledge uses.
  deps: 'dependencies',
  dep: 'dependency',
  pkgs: 'packages',
  repo: 'repository',
  repos: 'repositories',
  perf: 'performance',
  infra: 'infrastructure',
  msgs: 'messages',
  img: 'image',
  imgs: 'images',
  docs: 'documentation',
  dataviz: 'visualization',
};
