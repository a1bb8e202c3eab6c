module github.com/creatorops/creatorops/bench

go 1.24.0

require github.com/creatorops/creatorops v0.0.0

require github.com/rickar/cal/v2 v2.1.13

replace github.com/creatorops/creatorops => ../
