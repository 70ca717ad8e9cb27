/*
 * Languages a persona can speak: the ones Gemini Live's native-audio voices support, with the
 * sentence its voice sample reads. Native-audio models choose their language from the
 * conversation, so the language also goes into the instruction (lib/gemini/system-instruction.ts).
 */
export const PERSONA_LANGUAGES = [
  { code: "en-US", label: "English (US)", sample: "Hi, I'm here whenever you want to talk. What's on your mind today?" },
  { code: "en-GB", label: "English (UK)", sample: "Hello, I'm here whenever you fancy a chat. What's on your mind today?" },
  { code: "es-ES", label: "Spanish (Spain)", sample: "Hola, aquí estoy cuando quieras hablar. ¿Qué tienes en mente hoy?" },
  { code: "es-US", label: "Spanish (US)", sample: "Hola, aquí estoy cuando quieras platicar. ¿Qué tienes en mente hoy?" },
  { code: "fr-FR", label: "French", sample: "Bonjour, je suis là quand tu veux parler. À quoi penses-tu aujourd'hui ?" },
  { code: "de-DE", label: "German", sample: "Hallo, ich bin da, wann immer du reden möchtest. Was beschäftigt dich heute?" },
  { code: "it-IT", label: "Italian", sample: "Ciao, sono qui quando vuoi parlare. A cosa stai pensando oggi?" },
  { code: "pt-BR", label: "Portuguese (Brazil)", sample: "Oi, estou aqui quando você quiser conversar. O que está pensando hoje?" },
  { code: "nl-NL", label: "Dutch", sample: "Hoi, ik ben er wanneer je wilt praten. Waar denk je vandaag aan?" },
  { code: "pl-PL", label: "Polish", sample: "Cześć, jestem tu, kiedy zechcesz porozmawiać. O czym dziś myślisz?" },
  { code: "ru-RU", label: "Russian", sample: "Привет, я рядом, когда захочешь поговорить. О чём ты думаешь сегодня?" },
  { code: "tr-TR", label: "Turkish", sample: "Merhaba, konuşmak istediğinde buradayım. Bugün aklında ne var?" },
  { code: "hi-IN", label: "Hindi", sample: "नमस्ते, जब भी आप बात करना चाहें, मैं यहाँ हूँ। आज आपके मन में क्या है?" },
  { code: "ja-JP", label: "Japanese", sample: "こんにちは。話したいときはいつでもどうぞ。今日は何を考えていますか？" },
  { code: "ko-KR", label: "Korean", sample: "안녕하세요, 이야기하고 싶을 때 언제든 여기 있어요. 오늘 무슨 생각을 하고 있나요?" },
  { code: "cmn-CN", label: "Chinese (Mandarin)", sample: "你好，想聊天的时候我随时都在。你今天在想什么？" },
] as const;

export type PersonaLanguage = (typeof PERSONA_LANGUAGES)[number]["code"];
export const DEFAULT_LANGUAGE: PersonaLanguage = "en-US";
export const LANGUAGE_CODES = PERSONA_LANGUAGES.map((l) => l.code) as [PersonaLanguage, ...PersonaLanguage[]];

export const languageOf = (code: string) => PERSONA_LANGUAGES.find((l) => l.code === code) ?? PERSONA_LANGUAGES[0];
