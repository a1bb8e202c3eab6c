module github.com/creatorops/creatorops/bench

go 1.24.0

require github.com/creatorops/creatorops v0.0.0

require (
	github.com/rickar/cal/v2 v2.1.13
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/rickb777/date v1.22.0 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

replace github.com/creatorops/creatorops => ../
