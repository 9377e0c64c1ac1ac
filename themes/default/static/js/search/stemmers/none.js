/*
 * Search stemmer for a language without a Snowball stemmer (the index's too): words are kept
 * as they are.
 */
var stem = function (word) { return String(word); };
