package api_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/examples/server/internal/store/pgtest"
)

// postgresTest is the name of the test that runs this package's tests again
// on PostgreSQL.
const postgresTest = "TestPostgres"

// postgresTests are the tests TestPostgres runs again, each with its
// services on a PostgreSQL database of its own (newEnv opens one for a test
// under TestPostgres). TestEveryTestOnPostgres fails when a test of the
// package is missing: add each new test here.
var postgresTests = map[string]func(*testing.T){
	"TestOnPostgres":          TestOnPostgres,
	"TestAgreementBodyLimit":  TestAgreementBodyLimit,
	"TestAgreementCheck":      TestAgreementCheck,
	"TestAgreementCreate":     TestAgreementCreate,
	"TestAgreementIsolation":  TestAgreementIsolation,
	"TestAgreementList":       TestAgreementList,
	"TestAgreementOnboarding": TestAgreementOnboarding,
	"TestAgreementProblems":   TestAgreementProblems,
	"TestAgreementSheet":      TestAgreementSheet,
	"TestBoardPageMaxDrawn":   TestBoardPageMaxDrawn,
	"TestBoardPageEscapes":    TestBoardPageEscapes,
	"TestBoardPageGroups":     TestBoardPageGroups,
	"TestBoardPageInBrowser":  TestBoardPageInBrowser,
	"TestBoardPageIsolation":  TestBoardPageIsolation,
	"TestBoardPageProblems":   TestBoardPageProblems,
	"TestBoardPageSignIn":     TestBoardPageSignIn,
	"TestBoardPageTruncated":  TestBoardPageTruncated,
	"TestBodyLimit":           TestBodyLimit,
	"TestDeadline":            TestDeadline,
	"TestDeal":                TestDeal,
	"TestDealProblems":        TestDealProblems,
	"TestHealth":              TestHealth,
	"TestHooks":               TestHooks,
	"TestIsolation":           TestIsolation,
	"TestMetricsSummary":      TestMetricsSummary,
	"TestNoRoute":             TestNoRoute,
	"TestOpenAPIDocument":     TestOpenAPIDocument,
	"TestProblemsCarryPaths":  TestProblemsCarryPaths,
	"TestPublicRoutes":        TestPublicRoutes,
	"TestQueryProblems":       TestQueryProblems,
	"TestQuote":               TestQuote,
	"TestTimeline":            TestTimeline,
	"TestTokens":              TestTokens,

	"TestCalendarFeed":               TestCalendarFeed,
	"TestCalendarFeedAt":             TestCalendarFeedAt,
	"TestHostileNamesInFeed":         TestHostileNamesInFeed,
	"TestPartyFeeds":                 TestPartyFeeds,
	"TestSecretTooShort":             TestSecretTooShort,
	"TestPublicHolidaysDeadline":     TestPublicHolidaysDeadline,
	"TestPublicHolidaysProblems":     TestPublicHolidaysProblems,
	"TestPublicHolidaysPlan":         TestPublicHolidaysPlan,
	"TestPublicHolidaysAgreement":    TestPublicHolidaysAgreement,
	"TestPublicHolidaysDocumented":   TestPublicHolidaysDocumented,
	"TestExpandHolidaysKeepsTheRest": TestExpandHolidaysKeepsTheRest,
}

// TestPostgres runs the API's tests again on PostgreSQL: every exchange, the
// isolation of workspaces, the problems, on the other store. Without a server
// (CREATOROPS_TEST_POSTGRES) it is skipped, saying so, unless CI is set.
func TestPostgres(t *testing.T) {
	pgtest.ServerURL(t)
	names := make([]string, 0, len(postgresTests))
	for name := range postgresTests {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, postgresTests[name])
	}
}

// TestEveryTestOnPostgres: TestPostgres runs every test of the package that
// is not about itself, so that no test is silently left out on PostgreSQL.
func TestEveryTestOnPostgres(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var tests []string
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") {
				tests = append(tests, fn.Name.Name)
			}
		}
	}
	require.Contains(t, tests, postgresTest)
	for _, name := range tests {
		if name == postgresTest || name == "TestEveryTestOnPostgres" {
			continue
		}
		assert.Contains(t, postgresTests, name, "%s is not run on PostgreSQL: add it to postgresTests in postgres_test.go", name)
	}
	assert.Len(t, postgresTests, len(tests)-2, "postgresTests names only tests of the package")
}

// TestOnPostgres: under TestPostgres, newEnv's store is PostgreSQL, and
// SQLite elsewhere.
func TestOnPostgres(t *testing.T) {
	e := newEnv(t)
	_, isPostgres := e.store.(*store.Postgres)
	assert.Equal(t, onPostgres(t), isPostgres, "test %s", t.Name())
	_, isSQLite := e.store.(*store.SQLite)
	assert.Equal(t, !onPostgres(t), isSQLite)
}
