// The only file that includes ICU headers; see include/cicu.h for why.
#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unum.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

void cicu_version(char *buf, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buf, text, (size_t)capacity);
    if (capacity > 0) buf[capacity - 1] = 0;
}

const char *cicu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

struct cicu_break { UBreakIterator *it; };

int32_t cicu_break_open(int32_t kind, const char *locale, const uint16_t *text,
                        int32_t length, cicu_break **out) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return status;
    cicu_break *box = (cicu_break *)malloc(sizeof(cicu_break));
    if (!box) { ubrk_close(it); return U_MEMORY_ALLOCATION_ERROR; }
    box->it = it;
    *out = box;
    return status;
}

int32_t cicu_break_next(cicu_break *it) {
    int32_t b = ubrk_next(it->it);
    return b == UBRK_DONE ? -1 : b;
}

int32_t cicu_break_rule_status(cicu_break *it) { return ubrk_getRuleStatus(it->it); }

void cicu_break_close(cicu_break *it) {
    if (!it) return;
    ubrk_close(it->it);
    free(it);
}

struct cicu_spellout { UNumberFormat *fmt; };

int32_t cicu_spellout_open(const char *locale, cicu_spellout **out) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *fmt = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) return status;
    cicu_spellout *box = (cicu_spellout *)malloc(sizeof(cicu_spellout));
    if (!box) { unum_close(fmt); return U_MEMORY_ALLOCATION_ERROR; }
    box->fmt = fmt;
    *out = box;
    return status;
}

int32_t cicu_spellout_format(cicu_spellout *fmt, const char *number,
                             uint16_t *buf, int32_t capacity, int32_t *length) {
    UErrorCode status = U_ZERO_ERROR;
    *length = unum_formatDecimal(fmt->fmt, number, (int32_t)strlen(number),
                                 (UChar *)buf, capacity, NULL, &status);
    return status;
}

void cicu_spellout_close(cicu_spellout *fmt) {
    if (!fmt) return;
    unum_close(fmt->fmt);
    free(fmt);
}

int32_t cicu_set_ranges(const char *pattern, uint32_t *ranges,
                        int32_t capacity, int32_t *count) {
    UErrorCode status = U_ZERO_ERROR;
    UChar upattern[512];
    int32_t plen = 0;
    u_strFromUTF8(upattern, 512, &plen, pattern, -1, &status);
    if (U_FAILURE(status)) return status;
    USet *set = uset_openPattern(upattern, plen, &status);
    if (U_FAILURE(status)) return status;
    int32_t n = uset_getRangeCount(set);
    *count = n;
    for (int32_t i = 0; i < n && 2 * i + 1 < capacity; i++) {
        UChar32 start, end;
        uset_getItem(set, i, &start, &end, NULL, 0, &status);
        ranges[2 * i] = (uint32_t)start;
        ranges[2 * i + 1] = (uint32_t)end;
    }
    uset_close(set);
    if (2 * n > capacity) return U_BUFFER_OVERFLOW_ERROR;
    return status;
}
