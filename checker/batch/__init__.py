"""Batch review and filing packages: many documents (a folder or a .zip) reviewed in parallel, summary
tables (CSV / XLSX), packages checked for completeness per profile and for agreement between documents."""
