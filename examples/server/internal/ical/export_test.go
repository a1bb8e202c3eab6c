package ical

// Text is text, for the fuzz test's check of the summaries (the cleaning is
// the feed's rule; the fuzz test checks that what the writer was given comes
// back from the parser).
var Text = text
