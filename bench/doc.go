// Package bench compares package sla with github.com/rickar/cal/v2: a
// differential test of business-hour deadlines and working time on a US federal
// calendar, and benchmarks of both. It is a separate module so that the main
// module does not depend on rickar/cal.
package bench
