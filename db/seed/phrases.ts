/*
 * What seeded conversations say: everyday companion talk, so searches over a seeded database
 * behave as they would on real history (common words everywhere, a rare word now and then).
 */

export const USER_LINES = [
  "Can you help me plan dinner for tonight",
  "What should I pack for a weekend in the mountains",
  "I keep forgetting to drink water during the day",
  "Tell me something interesting about octopuses",
  "How do I politely decline a meeting invitation",
  "I want to practise my Spanish for a trip next month",
  "What is a good stretch for a stiff lower back",
  "Remind me what we talked about yesterday",
  "Can you explain how compound interest works",
  "I am nervous about my job interview on Friday",
  "Suggest a book for a long train journey",
  "How long should I boil an egg for a soft yolk",
  "What is the weather usually like in Lisbon in spring",
  "Help me write a birthday message for my sister",
  "I could not sleep well last night",
  "Look at this plant, why are the leaves turning yellow",
  "What can I cook with rice, spinach and eggs",
  "Explain the rules of cricket in simple words",
  "I want to start running again after a long break",
  "Can you quiz me on capital cities",
] as const;

export const MODEL_LINES = [
  "Sure, let's start with what you already have in the fridge",
  "Layers are the key: a warm fleece, a rain jacket and good socks",
  "A simple trick is to keep a glass of water next to your keyboard",
  "Octopuses have three hearts and blue blood, which is pretty remarkable",
  "You could say thank you for the invitation and that you cannot make it this time",
  "Great idea, let's begin with greetings and ordering food",
  "Try a gentle knee to chest stretch and hold it for thirty seconds",
  "Yesterday we talked about your garden and the tomatoes",
  "Compound interest means you earn interest on your interest as well",
  "That is natural, let's practise a few common questions together",
  "A long novel with short chapters works well on a train",
  "About six minutes in boiling water gives a soft, jammy yolk",
  "Spring in Lisbon is mild and sunny, with the occasional shower",
  "Here is a warm message she will enjoy reading",
  "I am sorry to hear that, a calm evening routine can help",
  "Yellow leaves often mean too much water, let the soil dry a little",
  "A spinach fried rice with a soft egg on top would be lovely",
  "Two teams take turns to bat and bowl, and runs decide the winner",
  "Start with short easy runs and walk breaks in between",
  "Of course, what is the capital of Canada",
] as const;

/** Said in about one turn in five thousand: what a search for a rare word looks for. */
export const RARE_WORD = "theremin";
export const RARE_LINE = `I finally learned to play a little tune on the ${RARE_WORD}`;

export const ERROR_MESSAGES = [
  "The connection to Gemini was lost. Check your network and try again.",
  "Gemini ended the conversation because of an internal error. Please try again.",
  "Your Gemini API key was refused. Check it in Settings.",
] as const;

export const FIRST_NAMES = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Tim", "Barbara", "Dennis", "Radia", "Ken", "Frances", "Edsger", "Hedy", "John", "Mary"] as const;
export const LAST_NAMES = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Berners-Lee", "Liskov", "Ritchie", "Perlman", "Thompson", "Allen", "Dijkstra", "Lamarr", "Backus", "Keller"] as const;
