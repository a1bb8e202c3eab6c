package main

import "io"

// clockSection is written by the sla issue (#2).
func clockSection(w io.Writer) error { return nil }
