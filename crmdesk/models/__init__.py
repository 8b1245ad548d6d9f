"""The business layer of crmdesk: schema, rules, services and queries. No Qt here."""
