/**
 * MAIN-world content script: runs in the page's own JavaScript world at document_start, before
 * any page script, as one self-contained synchronous file (crxjs `standaloneFiles`; an
 * asynchronous loader would let the first page requests pass unseen).
 *
 * The detection issue installs the network hooks here. Rules for anything added: import no
 * extension API (none exists in this world), never throw into the page, leave no global, and
 * treat everything read from the page as attacker-controlled.
 */
export {};
