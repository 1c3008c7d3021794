"""ui/screens"""
