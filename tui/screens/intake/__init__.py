"""Mass release triage (issue 33): a list of people released or found (an embassy's, a
shelter's, the police's) read and matched against every worker and open family inquiry
(`read.IntakeReadScreen`), reviewed row by row and confirmed into group cases
(`triage.TriageScreen`); `start.start_intake` is the `i` key of Today and the cases list:
resume an open intake, or read a new list. Nothing is imported here: Today imports
`start` before its first frame, and the other modules load the store's records.
"""
