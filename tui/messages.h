/*
 * Turning the modules' error codes into words in the user's language. The
 * modules return codes; only tui/ says things to people.
 */
#ifndef YORISOI_TUI_MESSAGES_H
#define YORISOI_TUI_MESSAGES_H

#include <stddef.h>

#include "cardio/cardio.h"
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "store/store.h"

/* What went wrong with an answer and how to fix it. */
const char *msg_answer_error(const field *fld, const answer_error *e, char *buf, size_t n);

/* What went wrong with the card, and what to do now. */
const char *msg_card_error(const cardio_error *e, char *buf, size_t n);

/* Why a draft could not be saved or read. */
const char *msg_store_error(const store_error *e, char *buf, size_t n);

/* Why a handoff code could not be made. */
const char *msg_handoff_error(const handoff_error *e, char *buf, size_t n);

/* Under an empty date box: the shortest way to type a date, which
 * date_parse reads (YYYYMMDD). */
const char *msg_date_shorthand(void);

/* "Male" etc. for a card sex code. */
const char *msg_sex(const char *code);

#endif
