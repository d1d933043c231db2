-- NAT-06 groups claims by phone and by bank account: index both so the groups drive the join.
CREATE INDEX claim_phone ON claim (phone);
CREATE INDEX claim_bank_account ON claim (bank_account);
