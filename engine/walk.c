/*
 * The walk over a form's answers (engine.h, "Walking the answers"): the
 * one place that unrolls repeat instances in definition order.
 */
#include "engine/internal.h"

enum { IN_TOP, IN_REPEAT_BEGUN, IN_INSTANCE, IN_REPEAT_DONE };

void
answers_walk_begin(answer_walk *w, const answers *a, unsigned flags)
{
	*w = (answer_walk){0};
	w->a_ = a;
	w->flags_ = flags;
	w->state_ = IN_TOP;
}

static bool
skip_hidden(const answer_walk *w)
{
	return (w->flags_ & ANSWERS_WALK_APPLYING) && !w->applies;
}

/* The next field of the current instance, or the next instance, or the
 * end of the repeat. */
static bool
next_in_repeat(answer_walk *w)
{
	const form_repeat *r = w->repeat;
	const form *f = w->a_->f;
	for (;;) {
		if (w->state_ == IN_REPEAT_BEGUN) {
			/* counted now: a reader may have added instances at BEGIN */
			w->count = w->a_->count[r->index];
			w->instance = 0;
			w->j_ = 0;
			if (w->count == 0) {
				w->state_ = IN_REPEAT_DONE;
				continue;
			}
			w->state_ = IN_INSTANCE;
			w->event = WALK_INSTANCE;
			w->field = NULL;
			w->value = NULL;
			w->applies = true;
			return true;
		}
		if (w->state_ == IN_REPEAT_DONE) {
			w->state_ = IN_TOP;
			w->event = WALK_REPEAT_END;
			w->field = NULL;
			w->value = NULL;
			return true;
		}
		/* IN_INSTANCE */
		if (w->j_ == r->nfields) {
			if (++w->instance >= w->count) {
				w->state_ = IN_REPEAT_DONE;
				continue;
			}
			w->j_ = 0;
			w->event = WALK_INSTANCE;
			w->field = NULL;
			w->value = NULL;
			w->applies = true;
			return true;
		}
		const field *fld = f->fields[r->first + w->j_++];
		w->event = WALK_FIELD;
		w->field = fld;
		w->applies = field_applies_at(w->a_, fld, w->instance);
		w->value = answers_get_at(w->a_, fld->id, w->instance);
		if (!skip_hidden(w))
			return true;
	}
}

bool
answers_walk_next(answer_walk *w)
{
	const form *f = w->a_->f;
	if (w->state_ != IN_TOP)
		return next_in_repeat(w);
	while (w->next_ < f->nfields) {
		const field *fld = f->fields[w->next_];
		const form_repeat *r = fld->in_repeat;
		if (r) {
			w->next_ = r->first + r->nfields;
			w->repeat = r;
			w->applies = repeat_applies(w->a_, r);
			if (skip_hidden(w))
				continue;
			w->event = WALK_REPEAT_BEGIN;
			w->field = NULL;
			w->value = NULL;
			w->instance = 0;
			w->count = 0;
			w->state_ = IN_REPEAT_BEGUN;
			return true;
		}
		w->next_++;
		w->event = WALK_FIELD;
		w->field = fld;
		w->repeat = NULL;
		w->instance = 0;
		w->applies = field_applies_at(w->a_, fld, 0);
		w->value = answers_get_at(w->a_, fld->id, 0);
		if (!skip_hidden(w))
			return true;
	}
	return false;
}
