"""Qilu JobMatch: job matching for Shandong's public employment service."""
