#ifndef PARALLAX_CNCURSESW_SHIM_H
#define PARALLAX_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

int wcwidth(wchar_t c);

/* Swift cannot use the C globals stdscr, LINES and COLS, or the attribute macros. */
static inline WINDOW *px_stdscr(void) { return stdscr; }
static inline int px_lines(void) { return LINES; }
static inline int px_cols(void) { return COLS; }
static inline attr_t px_a_bold(void) { return A_BOLD; }
static inline attr_t px_a_dim(void) { return A_DIM; }
static inline attr_t px_a_underline(void) { return A_UNDERLINE; }
static inline attr_t px_a_reverse(void) { return A_REVERSE; }
static inline attr_t px_a_normal(void) { return A_NORMAL; }
static inline int px_colors(void) { return COLORS; }
static inline int px_color_pairs(void) { return COLOR_PAIRS; }

static inline SCREEN *px_newterm(const char *type) { return newterm(type, stdout, stdin); }
static inline const char *px_codeset(void) { return nl_langinfo(CODESET); }

static inline mmask_t px_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int px_mouse_kind(mmask_t state) {
  if (state & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 1;
  if (state & BUTTON4_PRESSED) return 4;
  if (state & BUTTON5_PRESSED) return 5;
  return 0;
}

/* Draws a UTF-8 string at (y, x) with attributes and a colour pair. */
static inline int px_draw(int y, int x, const char *utf8, attr_t attrs, short pair) {
  attr_set(attrs, pair, NULL);
  return mvaddstr(y, x, utf8);
}

#endif
