/** Part of the compose worker's message for a session it does not hold (a fresh worker). */
export const SESSION_GONE = 'no longer open for compose';
