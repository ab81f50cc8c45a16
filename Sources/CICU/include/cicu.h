// cicu: the plain-C face of ICU that Swift sees.
//
// Swift cannot call ICU's version-renamed symbols (ubrk_open_72 ...) directly,
// and Foundation's bundled ICU clashes with the system headers inside one Swift
// module. So this header uses only <stdint.h> types and opaque handles; the
// ICU headers are included by cicu.c alone.
//
// Every function that can fail returns an ICU UErrorCode as int32_t:
// 0 is success, negative values are warnings, positive values are errors.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's version as "MAJOR.MINOR[.MICRO]" into buf (at least 32 bytes).
void cicu_version(char *buf, int32_t capacity);

/// The symbolic name of an ICU error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *cicu_error_name(int32_t code);

// MARK: break iterators

typedef struct cicu_break cicu_break;

enum { CICU_BREAK_WORD = 0, CICU_BREAK_SENTENCE = 1 };

/// Opens a word or sentence break iterator over `text` (UTF-16, `length`
/// units). The text is not copied: it must outlive the iterator.
int32_t cicu_break_open(int32_t kind, const char *locale, const uint16_t *text,
                        int32_t length, cicu_break **out);
/// The next boundary in UTF-16 units, or -1 when there is none.
int32_t cicu_break_next(cicu_break *it);
/// The rule status of the boundary last returned (UBRK_WORD_* ranges).
int32_t cicu_break_rule_status(cicu_break *it);
void cicu_break_close(cicu_break *it);

// MARK: number spell-out (the independent oracle used by tests)

typedef struct cicu_spellout cicu_spellout;

int32_t cicu_spellout_open(const char *locale, cicu_spellout **out);
/// Spells out a decimal number given as an ASCII string ("-12.5"). Writes at
/// most `capacity` UTF-16 units into `buf` and the needed length into `length`.
int32_t cicu_spellout_format(cicu_spellout *fmt, const char *number,
                             uint16_t *buf, int32_t capacity, int32_t *length);
void cicu_spellout_close(cicu_spellout *fmt);

// MARK: Unicode sets

/// The code point ranges of a UnicodeSet pattern such as "[:Han:]" or
/// "\\p{Script=Han}". Writes pairs (first, last) into `ranges` (2 entries per
/// range, at most `capacity` entries) and the number of ranges into `count`.
int32_t cicu_set_ranges(const char *pattern, uint32_t *ranges,
                        int32_t capacity, int32_t *count);

#ifdef __cplusplus
}
#endif

#endif
