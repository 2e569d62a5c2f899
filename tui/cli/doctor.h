/*
 * `yorisoi doctor`, inside: each check says one thing about the desk,
 * in the user's language, with what to do when it is not fine.
 */
#ifndef YORISOI_TUI_CLI_DOCTOR_H
#define YORISOI_TUI_CLI_DOCTOR_H

typedef enum doctor_level {
	DOCTOR_OK,      /* works */
	DOCTOR_NOTE,    /* works, but the volunteer should know */
	DOCTOR_PROBLEM, /* stops part of a visit: say what to do */
} doctor_level;

/* Prints one finding and, when not OK, what to do (both translated). */
void doctor_say(doctor_level level, const char *what, const char *todo);

/* The checks of the machine around the console (doctor_device.c). */
void doctor_card(void);
void doctor_terminal(void);
void doctor_fonts(void);
void doctor_printer(const char *printer);

#endif
