package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/creatorops/creatorops/examples/server/internal/store"
)

type workspaceKey struct{}

// authenticate is the middleware of every /v1 operation: it finds the
// workspace of the request's bearer token, or answers 401.
func (s *Server) authenticate(ctx huma.Context, next func(huma.Context)) {
	w, err := s.workspaceOf(ctx.Context(), ctx.Header("Authorization"))
	if err != nil {
		var pe *ProblemError
		if !errors.As(err, &pe) {
			_ = huma.WriteErr(s.api, ctx, http.StatusInternalServerError, "internal error: the service's log has the details", err)
			return
		}
		challenge := `Bearer realm="creatorops"`
		if pe.Code == CodeInvalidToken {
			challenge += `, error="invalid_token"`
		}
		ctx.SetHeader("WWW-Authenticate", challenge)
		_ = huma.WriteErr(s.api, ctx, http.StatusUnauthorized, pe.Message, pe)
		return
	}
	if info, ok := ctx.Context().Value(infoKey{}).(*requestInfo); ok {
		info.workspace = w.ID
	}
	log := logFrom(ctx.Context()).With("workspace", w.ID)
	ctx = huma.WithValue(ctx, logKey{}, log)
	next(huma.WithValue(ctx, workspaceKey{}, w))
}

// workspaceOf returns the workspace of an Authorization header, a
// *ProblemError when there is no token or no workspace holds it, or the
// store's error.
func (s *Server) workspaceOf(ctx context.Context, header string) (store.Workspace, error) {
	scheme, token, _ := strings.Cut(strings.TrimSpace(header), " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return store.Workspace{}, &ProblemError{Location: "header.Authorization", Code: CodeMissingToken,
			Message: "want an Authorization: Bearer <token> header with a workspace's token"}
	}
	w, err := s.cfg.Store.WorkspaceByToken(ctx, store.HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return store.Workspace{}, &ProblemError{Location: "header.Authorization", Code: CodeInvalidToken,
			Message: "no workspace holds this token"}
	}
	return w, err
}

// workspace returns the request's workspace. Every /v1 operation has one; an
// operation without authenticate is a bug, and panics.
func workspace(ctx context.Context) store.Workspace {
	w, ok := ctx.Value(workspaceKey{}).(store.Workspace)
	if !ok {
		panic("api: operation without a workspace")
	}
	return w
}
