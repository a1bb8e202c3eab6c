package api_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromium returns the path of a Chromium to drive. Without one the test is
// skipped, unless CI is set: there it fails (.ci/browser.sh installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium (chromium, chromium-browser or google-chrome on PATH, or $CHROMIUM), and CI is set: run .ci/browser.sh")
	}
	t.Skip("no Chromium on PATH and CI unset: skipping the board page in a real browser (.ci/browser.sh installs it)")
	return ""
}

// TestBoardPageInBrowser opens the board page in headless Chromium: the
// sign-in form, then the board with its four groups, the shifted post date
// and its reason visible, the page's own style applied under its
// Content-Security-Policy and nothing reported in the console; it saves a
// desktop and a phone screenshot under the test's artifact directory
// (go test -artifacts keeps them).
func TestBoardPageInBrowser(t *testing.T) {
	path := chromium(t)
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	e := newEnv(t)
	boardFixture(t, e, e.tokenA)
	srv := httptest.NewServer(e.srv)
	t.Cleanup(srv.Close)

	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-gpu", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	require.NoError(t, chromedp.Do(ctx), "start Chromium")

	// Everything the console says, from the first page on: a blocked style or
	// any load the policy refuses would be reported here.
	var mu sync.Mutex
	var console []string
	consoleCtx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(consoleCtx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleDebug { // Chromium's advice, such as on password fields
				continue
			}
			mu.Lock()
			console = append(console, string(m.Type)+": "+m.Text)
			mu.Unlock()
		}
	}()

	// The sign-in form, its token typed in and sent.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/board?at="+url.QueryEscape(boardAt)),
		chromedp.WaitVisible(chromedp.ID("token")),
	))
	signIn, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("token"), e.tokenA),
		chromedp.Submit(chromedp.ID("token")),
		chromedp.WaitVisible(chromedp.ID("breached")),
	))
	location, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.Equal(t, srv.URL+"/board?at="+url.QueryEscape(boardAt), location, "the sign-in keeps ?at= and puts no token in the URL")

	// The four groups are on the page, each with its deliverables.
	for id, want := range map[string][]string{
		"breached":           {"Breached", "a-breached"},
		"at-risk":            {"At risk", "c-at-risk"},
		"waiting-on-brand":   {"Waiting on brand", "a-breached"},
		"waiting-on-creator": {"Waiting on creator", "b-shifted", "c-at-risk"},
	} {
		require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID(id))), id)
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		require.NoError(t, err, id)
		for _, w := range want {
			assert.Contains(t, text, w, "group %s", id)
		}
	}

	// The shifted post date and its reason, visible as text.
	shift := chromedp.CSS("#waiting-on-creator article:first-of-type .shift")
	require.NoError(t, chromedp.Do(ctx, chromedp.ScrollIntoView(shift), chromedp.WaitVisible(shift)))
	reason, err := chromedp.Run(ctx, chromedp.Text(shift))
	require.NoError(t, err)
	assert.Equal(t, shiftReason, strings.TrimSpace(reason))
	card, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#waiting-on-creator article:first-of-type")))
	require.NoError(t, err)
	assert.Contains(t, card, "Wed 17 Mar 12:00 PDT")
	assert.Contains(t, card, "moved")

	// The page's style applies (its nonce matches the policy's), and the
	// drawing has a size.
	display, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("nav.counts")).display`))
	require.NoError(t, err)
	assert.Equal(t, "grid", display, "the inline style applies")
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("#tl-1 .tl.wide svg").getBoundingClientRect().width`))
	require.NoError(t, err)
	assert.Greater(t, width, 600.0)
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length`))
	require.NoError(t, err)
	assert.Zero(t, scripts, "no script")
	desktop, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)

	// A phone: one column, nothing wider than the screen but the drawings,
	// which scroll in their own box.
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(srv.URL+"/board?at="+url.QueryEscape(boardAt)), chromedp.WaitVisible(chromedp.ID("breached"))))
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	require.NoError(t, err)
	assert.False(t, overflow, "the page fits a phone's width")
	columns, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".metrics dl")).gridTemplateColumns`))
	require.NoError(t, err)
	assert.Len(t, strings.Fields(columns), 1, "one column of metrics on a phone: %s", columns)
	drawings, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[document.querySelector("#tl-1 .tl.wide svg").getBoundingClientRect().width,
		document.querySelector("#tl-1 .tl.compact svg").getBoundingClientRect().width, window.innerWidth]`))
	require.NoError(t, err)
	require.Len(t, drawings, 3)
	assert.Zero(t, drawings[0], "the desktop drawing is hidden on a phone")
	assert.Greater(t, drawings[1], 300.0, "the phone drawing spans the card")
	assert.Less(t, drawings[1], drawings[2], "and fits the screen")
	phone, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)

	stopConsole()
	<-done
	mu.Lock()
	assert.Empty(t, console, "the console says nothing: no blocked style, no refused load")
	mu.Unlock()

	dir := t.ArtifactDir()
	for name, png := range map[string][]byte{"board-signin.png": signIn, "board-desktop.png": desktop, "board-phone.png": phone} {
		require.True(t, len(png) > 8 && string(png[1:4]) == "PNG", "%s is a PNG", name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), png, 0o644))
		t.Logf("screenshot %s", filepath.Join(dir, name))
	}
}
