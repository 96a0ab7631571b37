// Apart from the option schemas: the window needs these numbers, and importing them from a schema module
// would load the schema library with the window's first script (40-80 ms before the first position).

/** The widest strike window the panel may ask for, each side of the money. */
export const MAX_STRIKES_EACH_SIDE = 25;
/** The most option lines the panel may ask for at once: a call and a put on every strike of the widest window. */
export const MAX_WATCHED_OPTIONS = 2 * (2 * MAX_STRIKES_EACH_SIDE + 1);
