#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unum.h>
#include <unicode/uset.h>
#include <unicode/uversion.h>
