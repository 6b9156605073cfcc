/// Words too common to search for, per language: a French query for "le retrait de la
/// CPI" looks for "retrait" and "cpi". Only the query drops them: the index keeps each
/// page's text whole, since the results quote it. Written folded (lower case, no
/// diacritics, straight apostrophes), as `search.js` folds the query before comparing.
enum SearchStopWords {
    static func words(_ language: String) -> [String] {
        language == "fr" ? french : []
    }

    static let french = [
        "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle", "elles", "en", "est",
        "et", "il", "ils", "j", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "mais", "meme", "n", "ne", "ni", "nos", "notre",
        "nous", "on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sont", "sur", "t", "ta",
        "te", "tes", "ton", "un", "une", "vos", "votre", "vous", "y",
    ]
}
