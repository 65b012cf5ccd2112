-- An archived report notes how many addresses it was e-mailed to when it was produced (0: the
-- unit had nobody with an address to send it to). Reports archived before this say nothing (NULL).
ALTER TABLE reports ADD COLUMN mailed_to integer CHECK (mailed_to >= 0);
