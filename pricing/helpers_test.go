package pricing_test

// Small assertion helpers. testify is in go.mod, but go.sum lacks its
// go.yaml.in/yaml/v3 entry, so importing testify/assert does not build in
// this module; these keep the tests in the standard library.

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func msg(args []any) string {
	if len(args) == 0 {
		return ""
	}
	if f, ok := args[0].(string); ok {
		return ": " + fmt.Sprintf(f, args[1:]...)
	}
	return ": " + fmt.Sprint(args...)
}

func noError(t testing.TB, err error, args ...any) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error %v%s", err, msg(args))
	}
}

func isError(t testing.TB, err error, args ...any) {
	t.Helper()
	if err == nil {
		t.Fatalf("want an error, got nil%s", msg(args))
	}
}

func errorIs(t testing.TB, err, target error, args ...any) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("error %v, want one wrapping %v%s", err, target, msg(args))
	}
}

func errorAs(t testing.TB, err error, target any, args ...any) {
	t.Helper()
	if !errors.As(err, target) {
		t.Fatalf("error %v (%T), want one of type %T%s", err, err, target, msg(args))
	}
}

func equal(t testing.TB, got, want any, args ...any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v%s", got, want, msg(args))
	}
}

func truth(t testing.TB, cond bool, args ...any) {
	t.Helper()
	if !cond {
		t.Errorf("condition failed%s", msg(args))
	}
}
