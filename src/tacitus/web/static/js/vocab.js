// Code lists the page offers in its filters and legends. They mirror tacitus.model
// (PLOVER_TYPES, STATUSES) and CAMEO's QuadClass; the API validates every value anyway.

export const TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

export const STATUSES = ["occurred", "threatened", "planned", "alleged", "denied", "background"];

export const QUAD_CLASSES = [
  { key: "1", label: "Verbal cooperation", colour: "#5a9e4b" },
  { key: "2", label: "Material cooperation", colour: "#2f7fb8" },
  { key: "3", label: "Verbal conflict", colour: "#e39a2d" },
  { key: "4", label: "Material conflict", colour: "#c23b32" },
];
