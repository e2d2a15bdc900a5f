// One keyword on its own: folded words → intent modifiers + content words → stems.
import { splitIntent, type IntentModifier } from './intent';
import { stem } from './stem';
import { foldedWords } from './text';

// English function words. Words that change a search ("up", "down", "off", "under", "new", "used") stay in;
// the intent words ("how", "what", "no", "for beginners"…) are taken out as modifiers before this list applies.
const STOP_WORDS = new Set(
	(
		'a about above after again against all am an and any are as at be because been before being between both but by ' +
		'can could did do does doing during each few for from further had has have having he her here hers herself him ' +
		'himself his i if in into is it its itself just me more most my myself nor not of on once only or other our ours ' +
		'ourselves own same she should so some such than that the their theirs them themselves then there these they this ' +
		'those through to too until very was we were whom while will with would you your yours yourself yourselves ' +
		'get got im ive youre dont doesnt isnt cant'
	).split( ' ' )
);

export interface KeywordAnalysis {
	modifiers: IntentModifier[];
	/** Content words, folded but not stemmed, stop words removed, in order. */
	words: string[];
}

export function analyseKeyword( text: string ): KeywordAnalysis {
	const { modifiers, rest } = splitIntent( foldedWords( text ) );
	return {
		modifiers,
		words: rest.filter( ( word ) => ! STOP_WORDS.has( word ) ),
	};
}

/** The analysed tokens of one keyword: content stems, unique, in order of appearance (modifiers excluded). */
export function keywordTokens( text: string ): string[] {
	return [ ...new Set( analyseKeyword( text ).words.map( stem ) ) ];
}

/**
 * The intent modifiers of one keyword ("best", "price", "how"…), sorted: keywords are grouped only when
 * these match.
 */
export function keywordModifiers( text: string ): IntentModifier[] {
	return analyseKeyword( text ).modifiers;
}
