package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// apiClient talks to a running `trialwatch serve`, for commands given
// --server while the daemon holds the database.
type apiClient struct {
	base  string
	token string
	http  *http.Client
}

func (a *app) client(server string) (*apiClient, error) {
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, usagef("--server %q: write the daemon's base URL, e.g. http://127.0.0.1:8080", server)
	}
	tokenEnv := "TRIALWATCH_TOKEN"
	if a.configPath != "" {
		cfg, err := a.config()
		if err != nil {
			return nil, err
		}
		tokenEnv = cfg.TokenEnv
	}
	return &apiClient{
		base:  strings.TrimSuffix(u.String(), "/"),
		token: os.Getenv(tokenEnv),
		http:  &http.Client{Timeout: 60 * time.Second},
	}, nil
}

// do sends one request and decodes a JSON answer into out.
func (c *apiClient) do(ctx context.Context, method, path string, q url.Values, out any) error {
	u := c.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return fmt.Errorf("server: %s %s: %w", method, path, err)
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error string `json:"error"`
		}
		msg := strings.TrimSpace(string(body))
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			msg = e.Error
		}
		return fmt.Errorf("server: %s %s: %s: %s", method, path, resp.Status, msg)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("server: %s %s: bad answer: %w", method, path, err)
	}
	return nil
}

// cases pages through GET /api/cases, oldest first.
func (c *apiClient) cases(ctx context.Context, q url.Values) ([]json.RawMessage, error) {
	const page = 1000
	var all []json.RawMessage
	after := ""
	for {
		pq := url.Values{}
		for k, v := range q {
			pq[k] = v
		}
		pq.Set("limit", fmt.Sprint(page))
		if after != "" {
			pq.Set("after", after)
		}
		var batch []json.RawMessage
		if err := c.do(ctx, http.MethodGet, "/api/cases", pq, &batch); err != nil {
			return nil, err
		}
		for _, raw := range batch {
			var h struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(raw, &h); err != nil || h.ID == "" {
				return nil, fmt.Errorf("server: a case without an id")
			}
			after = h.ID
		}
		all = append(all, batch...)
		if len(batch) < page {
			return all, nil
		}
	}
}

// crawl starts a crawl of each source (all with none named) and waits for
// the runs to end.
func (c *apiClient) crawl(ctx context.Context, w io.Writer, sources []string) error {
	type started struct {
		RunID  string `json:"run_id"`
		Source string `json:"source"`
		Runs   []struct {
			Source string `json:"source"`
			RunID  string `json:"run_id"`
		} `json:"runs"`
	}
	var ids []string
	if len(sources) == 0 {
		sources = []string{""}
	}
	for _, s := range sources {
		q := url.Values{}
		if s != "" {
			q.Set("source", s)
		}
		var ans started
		if err := c.do(ctx, http.MethodPost, "/api/crawl", q, &ans); err != nil {
			return err
		}
		if len(ans.Runs) == 0 && ans.RunID != "" {
			ids = append(ids, ans.RunID)
		}
		for _, r := range ans.Runs {
			ids = append(ids, r.RunID)
		}
	}
	for _, id := range ids {
		for {
			var run struct {
				State  string         `json:"state"`
				Source string         `json:"source"`
				Counts map[string]int `json:"counts"`
				Err    string         `json:"err"`
			}
			if err := c.do(ctx, http.MethodGet, "/api/runs/"+url.PathEscape(id), nil, &run); err != nil {
				return err
			}
			if run.State != "running" {
				fmt.Fprintf(w, "%s: %s %s\n", run.Source, run.State, formatCounts(run.Counts))
				if run.Err != "" {
					fmt.Fprintf(w, "  error: %s\n", run.Err)
				}
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("stopped waiting; the crawl goes on in the server")
			case <-time.After(time.Second):
			}
		}
	}
	return nil
}
