package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
)

// runArgs runs the command and returns its exit code and output.
func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSheetFormats(t *testing.T) {
	want, err := contract.SampleAgreement().Sheet()
	require.NoError(t, err)
	md, err := want.Markdown()
	require.NoError(t, err)
	html, err := want.HTML()
	require.NoError(t, err)
	letter, err := want.HTMLFor(contract.PaperLetter)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"default is the sample's Markdown", nil, md},
		{"md", []string{"-format", "md"}, md},
		{"html", []string{"-format", "html"}, html},
		{"html of the file", []string{"-format", "html", "good.json"}, html},
		{"md of the file", []string{"good.json"}, md},
		{"letter", []string{"-format", "html", "-paper", "letter", "good.json"}, letter},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runArgs(t, tc.args...)
			require.Equal(t, exitOK, code, errOut)
			assert.Equal(t, tc.want, out)
			assert.Empty(t, errOut)
		})
	}
}

// The files beside the command are the package's samples, so that what a user
// edits is what the tests and the golden files check.
func TestSamplesAreThePackages(t *testing.T) {
	for _, name := range []string{"good.json", "vague.json"} {
		here, err := os.ReadFile(name)
		require.NoError(t, err)
		there, err := os.ReadFile(filepath.Join("..", "..", "contract", "testdata", name))
		require.NoError(t, err)
		assert.Equal(t, string(there), string(here), "%s differs from contract/testdata/%s", name, name)
	}
}

func TestCheck(t *testing.T) {
	t.Run("good passes", func(t *testing.T) {
		code, out, errOut := runArgs(t, "-check", "good.json")
		require.Equal(t, exitOK, code, errOut)
		assert.Equal(t, "0 blockers, 0 warnings, 0 notes\n", out)
	})
	t.Run("vague has blockers", func(t *testing.T) {
		code, out, _ := runArgs(t, "-check", "vague.json")
		assert.Equal(t, exitFailed, code)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		require.Greater(t, len(lines), 1)
		assert.True(t, strings.HasPrefix(lines[0], "blocker "), "blockers come first: %q", lines[0])
		fs := contract.Check(contract.VagueAgreement())
		fs.Sort()
		require.Len(t, lines, len(fs)+1)
		for i, f := range fs {
			assert.Equal(t, f.String(), lines[i])
		}
		for _, code := range []string{contract.CodeNoPostDate, contract.CodeNoMetricSource, contract.CodeAddOnUnpriced, contract.CodeRushUnpriced, contract.CodeNoEscalation} {
			assert.True(t, fs.Has(code), code)
			assert.Contains(t, out, "blocker ")
		}
		assert.Regexp(t, `^\d+ blockers, \d+ warnings, \d+ notes$`, lines[len(lines)-1])
	})
}

func TestOnboarding(t *testing.T) {
	md, text := contract.Onboarding(contract.SampleAgreement())
	code, out, _ := runArgs(t, "-onboarding")
	require.Equal(t, exitOK, code)
	assert.Equal(t, md, out)
	code, out, _ = runArgs(t, "-onboarding", "-format", "text", "good.json")
	require.Equal(t, exitOK, code)
	assert.Equal(t, text, out)
	code, _, errOut := runArgs(t, "-onboarding", "-format", "html")
	assert.Equal(t, exitBadArgs, code)
	assert.Contains(t, errOut, `unknown format "html"`)
}

func TestTooLong(t *testing.T) {
	code, out, errOut := runArgs(t, "-format", "html", filepath.Join("..", "..", "contract", "testdata", "toolong.json"))
	assert.Equal(t, exitFailed, code)
	assert.Empty(t, out, "nothing is printed onto two pages")
	assert.Contains(t, errOut, "does not fit on one page")
	assert.Contains(t, errOut, "letter:")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"bad JSON", []string{write("bad.json", `{"campaign": {"name": 3}, "deliverables": [{"id": "x", "count": "a"}], "bogus": 1}`)},
			[]string{"does not decode", "campaign.name: ", "deliverables[0].count: ", "bogus: ", "brand.name: "}},
		{"truncated JSON", []string{write("cut.json", `{"campaign": `)}, []string{"(top level): "}},
		{"missing file", []string{filepath.Join(dir, "nope.json")}, []string{"nope.json"}},
		{"two files", []string{"good.json", "vague.json"}, []string{"at most one"}},
		{"unknown format", []string{"-format", "pdf"}, []string{`unknown format "pdf"`}},
		{"unknown paper", []string{"-format", "html", "-paper", "legal"}, []string{"-paper"}},
		{"unknown flag", []string{"-nope"}, []string{"usage: sheet"}},
		{"check and onboarding", []string{"-check", "-onboarding"}, []string{"do not go together"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runArgs(t, tc.args...)
			assert.Equal(t, exitBadArgs, code)
			assert.Empty(t, out)
			for _, w := range tc.want {
				assert.Contains(t, errOut, w)
			}
		})
	}
}
