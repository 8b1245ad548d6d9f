"""crmdesk: a desktop CRM for small sales teams."""

__version__ = "0.1.0"
