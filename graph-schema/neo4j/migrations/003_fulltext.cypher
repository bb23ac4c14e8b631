// Migration 3: one full-text index over what people search the graph by: names, aliases, titles,
// acronyms and descriptions of actors, targets, processes, frameworks and events.
CREATE FULLTEXT INDEX graph_text IF NOT EXISTS
FOR (n:Actor|Target|Process|Framework|Event)
ON EACH [n.name, n.aliases, n.acronym, n.title, n.description];
