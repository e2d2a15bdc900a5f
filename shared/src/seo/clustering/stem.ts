// A light English stemmer: Porter's step 1 (plurals, -ed, -ing, -y), "-ches/-shes/-xes" plurals and a few
// irregular ones. The later Porter steps are left out on purpose: they merge words a searcher keeps apart
// ("digital" → "digit").

const IRREGULAR: Record< string, string > = {
	children: 'child',
	feet: 'foot',
	teeth: 'tooth',
	mice: 'mouse',
	geese: 'goose',
	knives: 'knife',
	wives: 'wife',
	leaves: 'leaf',
	shelves: 'shelf',
	wolves: 'wolf',
	halves: 'half',
	loaves: 'loaf',
	thieves: 'thief',
	calves: 'calf',
	scarves: 'scarf',
};

function isConsonant( word: string, i: number ): boolean {
	const c = word[ i ];
	if ( c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' )
		return false;
	if ( c === 'y' ) return i === 0 || ! isConsonant( word, i - 1 );
	return true;
}

/** Porter's m: the number of vowel-consonant sequences in the stem. */
function measure( stem: string ): number {
	let m = 0;
	let i = 0;
	const n = stem.length;
	while ( i < n && isConsonant( stem, i ) ) i++;
	while ( i < n ) {
		while ( i < n && ! isConsonant( stem, i ) ) i++;
		if ( i >= n ) break;
		while ( i < n && isConsonant( stem, i ) ) i++;
		m++;
	}
	return m;
}

function hasVowel( stem: string ): boolean {
	for ( let i = 0; i < stem.length; i++ )
		if ( ! isConsonant( stem, i ) ) return true;
	return false;
}

function endsDoubleConsonant( word: string ): boolean {
	const n = word.length;
	return (
		n >= 2 && word[ n - 1 ] === word[ n - 2 ] && isConsonant( word, n - 1 )
	);
}

/** consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "bow"). */
function endsCvc( word: string ): boolean {
	const n = word.length;
	if ( n < 3 ) return false;
	const last = word[ n - 1 ];
	return (
		isConsonant( word, n - 3 ) &&
		! isConsonant( word, n - 2 ) &&
		isConsonant( word, n - 1 ) &&
		last !== 'w' &&
		last !== 'x' &&
		last !== 'y'
	);
}

function step1a( word: string ): string {
	if ( word.endsWith( 'sses' ) ) return word.slice( 0, -2 );
	if ( word.endsWith( 'ies' ) ) return word.slice( 0, -2 );
	if ( /(?:sh|ch|x)es$/.test( word ) ) return word.slice( 0, -2 ); // "watches", "brushes", "boxes" (Porter keeps the e)
	if ( word.endsWith( 'ss' ) ) return word;
	if ( word.endsWith( 's' ) ) return word.slice( 0, -1 );
	return word;
}

function step1b( word: string ): string {
	if ( word.endsWith( 'eed' ) )
		return measure( word.slice( 0, -3 ) ) > 0 ? word.slice( 0, -1 ) : word;
	let stem: string | undefined;
	if ( word.endsWith( 'ed' ) && hasVowel( word.slice( 0, -2 ) ) )
		stem = word.slice( 0, -2 );
	else if ( word.endsWith( 'ing' ) && hasVowel( word.slice( 0, -3 ) ) )
		stem = word.slice( 0, -3 );
	if ( stem === undefined ) return word;
	if (
		stem.endsWith( 'at' ) ||
		stem.endsWith( 'bl' ) ||
		stem.endsWith( 'iz' )
	)
		return stem + 'e';
	if ( endsDoubleConsonant( stem ) && ! /[lsz]$/.test( stem ) )
		return stem.slice( 0, -1 );
	if ( measure( stem ) === 1 && endsCvc( stem ) ) return stem + 'e';
	return stem;
}

function step1c( word: string ): string {
	return word.endsWith( 'y' ) && hasVowel( word.slice( 0, -1 ) )
		? word.slice( 0, -1 ) + 'i'
		: word;
}

/** Stem one folded word. Numbers, short words and words outside a–z are kept as they are. */
export function stem( word: string ): string {
	const irregular = IRREGULAR[ word ];
	if ( irregular !== undefined ) return irregular;
	if ( word.length <= 2 || ! /^[a-z]+$/.test( word ) ) return word;
	return step1c( step1b( step1a( word ) ) );
}
