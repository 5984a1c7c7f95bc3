/** What other modules may call of the loyalty module: thin wrappers of its use cases. */
export {};
